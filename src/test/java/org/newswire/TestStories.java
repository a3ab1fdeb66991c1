package org.newswire;

import java.util.List;

import org.newswire.article.ArticleSummary;
import org.newswire.article.Publishing;
import org.newswire.article.Publishing.NewArticle;
import org.newswire.article.Publishing.WritethruDraft;
import org.newswire.article.Urgency;
import org.newswire.article.WritethruKind;

/**
 * Invented stories and writethrus for tests, filed through the real publishing rules. A
 * test names only what it is about; everything else is a plausible default:
 * {@code TestStories.story().section("science").headline("Comet returns").publish(publishing)}.
 */
public final class TestStories {

	public static final String DATELINE = "PORT ELLIS, Nov. 26 (Newswire) --";

	private TestStories() {
	}

	/**
	 * A new story in World by Ada Quill, two paragraphs, the first with characters that
	 * must be escaped.
	 */
	public static Story story() {
		return new Story();
	}

	/**
	 * A writethru of the given kind with new text; the ednote says what it does, a
	 * correction carries a note for readers.
	 */
	public static Writethru writethru(WritethruKind kind) {
		return new Writethru(kind);
	}

	public static final class Story {

		private String section = "world";

		private String slugline = "Harbour-Test";

		private String source = "NWS";

		private String dateline = DATELINE;

		private String byline = "By Ada Quill";

		private Urgency urgency = Urgency.URGENT;

		private String headline = "Harbour pier closes for repairs";

		private List<String> paragraphs = List.of("The harbour master said the pier would reopen <soon> & safely.",
				"Ferries will use the north berth meanwhile.");

		private String ednote;

		private String editor = "ada";

		private Long photoId;

		private Story() {
		}

		public Story section(String section) {
			this.section = section;
			return this;
		}

		public Story slugline(String slugline) {
			this.slugline = slugline;
			return this;
		}

		public Story source(String source) {
			this.source = source;
			return this;
		}

		public Story dateline(String dateline) {
			this.dateline = dateline;
			return this;
		}

		public Story byline(String byline) {
			this.byline = byline;
			return this;
		}

		public Story urgency(Urgency urgency) {
			this.urgency = urgency;
			return this;
		}

		public Story headline(String headline) {
			this.headline = headline;
			return this;
		}

		public Story paragraphs(String... paragraphs) {
			this.paragraphs = List.of(paragraphs);
			return this;
		}

		public Story ednote(String ednote) {
			this.ednote = ednote;
			return this;
		}

		public Story editor(String editor) {
			this.editor = editor;
			return this;
		}

		/**
		 * A lead photo from the library ({@link TestPhotos#add}).
		 */
		public Story photo(Long photoId) {
			this.photoId = photoId;
			return this;
		}

		public NewArticle draft() {
			return new NewArticle(this.section, this.slugline, this.source, this.dateline, this.byline, "en",
					this.urgency, this.headline, this.paragraphs, this.ednote, this.photoId);
		}

		public ArticleSummary publish(Publishing publishing) {
			return publishing.publish(draft(), this.editor);
		}

	}

	public static final class Writethru {

		private final WritethruKind kind;

		private String headline = "Harbour pier reopens after repairs";

		private List<String> paragraphs = List.of("The pier reopened after inspectors approved the repairs.",
				"Ferries returned to the south berth.");

		private String ednote;

		private String correctionNote;

		private String byline = "By Ada Quill";

		private Urgency urgency = Urgency.URGENT;

		private String editor = "ada";

		private Long photoId;

		private Writethru(WritethruKind kind) {
			this.kind = kind;
			if (kind == WritethruKind.CORRECTS) {
				this.ednote = "Eds: CORRECTS berth in paragraph 2";
				this.correctionNote = "An earlier version named the wrong berth.";
			}
			else {
				this.ednote = "Eds: UPDATES with pier reopening";
			}
		}

		public Writethru headline(String headline) {
			this.headline = headline;
			return this;
		}

		public Writethru paragraphs(String... paragraphs) {
			this.paragraphs = List.of(paragraphs);
			return this;
		}

		public Writethru ednote(String ednote) {
			this.ednote = ednote;
			return this;
		}

		public Writethru correctionNote(String correctionNote) {
			this.correctionNote = correctionNote;
			return this;
		}

		public Writethru byline(String byline) {
			this.byline = byline;
			return this;
		}

		public Writethru urgency(Urgency urgency) {
			this.urgency = urgency;
			return this;
		}

		public Writethru editor(String editor) {
			this.editor = editor;
			return this;
		}

		/**
		 * The version's lead photo; none by default, as a draft does not inherit one.
		 */
		public Writethru photo(Long photoId) {
			this.photoId = photoId;
			return this;
		}

		public WritethruDraft draft() {
			return new WritethruDraft(this.kind, this.headline, this.paragraphs, this.ednote, this.correctionNote,
					this.byline, this.urgency, this.photoId);
		}

		/**
		 * Files it on the version of the story the caller holds.
		 */
		public ArticleSummary post(Publishing publishing, ArticleSummary story) {
			return post(publishing, story.id(), story.current().sequence());
		}

		public ArticleSummary post(Publishing publishing, long articleId, int baseSequence) {
			return publishing.postWritethru(articleId, baseSequence, draft(), this.editor);
		}

	}

}
