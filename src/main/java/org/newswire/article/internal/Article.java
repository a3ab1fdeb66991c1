package org.newswire.article.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import org.newswire.article.ArticleException;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Paths;
import org.newswire.article.PubStatus;
import org.newswire.article.Publishing.NewArticle;
import org.newswire.article.Publishing.WritethruDraft;
import org.newswire.article.Urgency;
import org.newswire.article.WritethruKind;
import org.newswire.change.StoryState;

/**
 * A news story with a stable identity across all its writethrus. What readers see of it
 * at any time is its current writethru (its current sequence). It owns the rules of its
 * own versions: which sequence and label the next one gets, and that nothing follows a
 * kill or a version the editor did not start from.
 */
@Entity
class Article {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String slug;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "section_code")
	private Section section;

	/**
	 * The section's key as the article row holds it, for queries: compared through the
	 * fetched section instead, H2 walks the whole archive by time and sorts it rather
	 * than seek the (section_code, updated_at, id) index.
	 */
	@Column(name = "section_code", insertable = false, updatable = false)
	private String sectionCode;

	private String slugline;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "source_code")
	private Source source;

	private String dateline;

	private String byline;

	private String language;

	private Urgency urgency;

	private PubStatus pubstatus;

	@Column(name = "first_published_at")
	private Instant firstPublishedAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Column(name = "current_sequence")
	private int currentSequence;

	@Column(name = "kill_notice")
	private String killNotice;

	@Column(name = "killed_at")
	private Instant killedAt;

	@Column(name = "embargo_until")
	private Instant embargoUntil;

	/**
	 * True while the story waits for {@link #embargoUntil}: no public surface shows it.
	 */
	private boolean embargoed;

	@Column(name = "hold_note")
	private String holdNote;

	@Column(name = "held_at")
	private Instant heldAt;

	/**
	 * Bumped with every writethru, so two editors racing from the same base cannot both
	 * commit even before the unique (article, sequence) constraint is reached.
	 */
	@Version
	@Column(name = "lock_version")
	private long lockVersion;

	protected Article() {
	}

	/**
	 * A new story, not yet published, that waits on the desk until {@code embargoUntil}
	 * when that is not {@code null}: {@link #liftEmbargo} then makes it public.
	 */
	Article(NewArticle draft, Section section, Source source, Instant publishedAt, Instant embargoUntil) {
		this.slug = Paths.slug(draft.headline());
		this.section = section;
		this.slugline = draft.slugline();
		this.source = source;
		this.dateline = draft.dateline();
		this.byline = draft.byline();
		this.language = draft.language();
		this.urgency = draft.urgency();
		this.pubstatus = PubStatus.USABLE;
		this.firstPublishedAt = publishedAt;
		this.updatedAt = publishedAt;
		this.currentSequence = 0;
		this.embargoUntil = embargoUntil;
		this.embargoed = embargoUntil != null;
	}

	/**
	 * The first publication, which carries no label; the article moves to it.
	 */
	public Writethru firstVersion(NewArticle draft, String editor) {
		Writethru first = new Writethru(this, 1, WritethruKind.LD_WRITETHRU, null, draft.headline(), draft.paragraphs(),
				draft.ednote(), null, editor, this.firstPublishedAt, draft.photoId());
		advanceTo(first, this.slug, draft.byline(), draft.urgency());
		return first;
	}

	/**
	 * The next version, filed from the version {@code baseSequence}; the article moves to
	 * it. Its label counts the earlier versions of the same kind.
	 * @param earlierKinds the kinds of every version so far, oldest first
	 * @throws ArticleException.Killed when the article was killed
	 * @throws ArticleException.Stale when another version was published since
	 * {@code baseSequence}
	 */
	public Writethru postWritethru(int baseSequence, WritethruDraft draft, List<WritethruKind> earlierKinds,
			String editor, Instant at) {
		requireAccepts(baseSequence);
		String label = draft.kind().labelAfter(earlierKinds);
		Writethru next = new Writethru(this, baseSequence + 1, draft.kind(), label, draft.headline(),
				draft.paragraphs(), draft.ednote(), draft.correctionNote(), editor, at, draft.photoId());
		advanceTo(next, Paths.slug(draft.headline()), draft.byline(), draft.urgency());
		return next;
	}

	/**
	 * Withdraws the story.
	 * @return {@code false} when it was killed already, and nothing changed
	 */
	public boolean kill(String notice, Instant at) {
		if (isKilled()) {
			return false;
		}
		this.pubstatus = PubStatus.CANCELED;
		this.killNotice = notice;
		this.killedAt = at;
		this.updatedAt = at;
		return true;
	}

	/**
	 * Makes a story that waited for its embargo public at {@code at}, which becomes its
	 * publication time and the time its embargo lifted, whether that was the time set or
	 * earlier: readers never learn it was filed before. The caller moves its versions'
	 * times too ({@link WritethruRepository#publishAllAt}).
	 * @return {@code false} when it was not waiting (released already, or killed while
	 * waiting), and nothing changed
	 */
	public boolean liftEmbargo(Instant at) {
		if (!this.embargoed || isKilled()) {
			return false;
		}
		this.embargoed = false;
		this.embargoUntil = at;
		this.firstPublishedAt = at;
		this.updatedAt = at;
		return true;
	}

	/**
	 * Sets another time for the embargo to lift.
	 * @throws ArticleException.NotEmbargoed when the story is public already
	 * @throws ArticleException.Killed when it was killed while waiting
	 */
	public Instant moveEmbargo(Instant to) {
		requireEmbargoed();
		Instant from = this.embargoUntil;
		this.embargoUntil = to;
		return from;
	}

	/**
	 * @throws ArticleException.NotEmbargoed when the story is public already
	 * @throws ArticleException.Killed when it was killed while waiting
	 */
	public void requireEmbargoed() {
		if (isKilled()) {
			throw new ArticleException.Killed(this.id, this.killNotice, this.killedAt);
		}
		if (!this.embargoed) {
			throw new ArticleException.NotEmbargoed(this.id);
		}
	}

	public boolean isEmbargoed() {
		return this.embargoed;
	}

	public Instant getEmbargoUntil() {
		return this.embargoUntil;
	}

	/**
	 * Whether a version filed from {@code baseSequence} could be published now.
	 */
	public boolean accepts(int baseSequence) {
		return !isKilled() && this.currentSequence == baseSequence;
	}

	/**
	 * The rules of {@link #postWritethru} without posting, for a version to be published
	 * later.
	 * @throws ArticleException.Killed when the article was killed
	 * @throws ArticleException.Stale when {@code baseSequence} is not current
	 */
	public void requireAccepts(int baseSequence) {
		if (isKilled()) {
			throw new ArticleException.Killed(this.id, this.killNotice, this.killedAt);
		}
		if (this.currentSequence != baseSequence) {
			throw new ArticleException.Stale(this.id, baseSequence, this.currentSequence);
		}
	}

	/**
	 * Withholds a published story while facts are checked: readers keep its URL and
	 * headline and see the note instead of its text.
	 * @return {@code false} when it was on hold already, and nothing changed
	 * @throws ArticleException.Killed when the article was killed
	 * @throws ArticleException.Embargoed while it waits for its embargo: it has no
	 * readers yet
	 */
	public boolean hold(String note, Instant at) {
		if (isKilled()) {
			throw new ArticleException.Killed(this.id, this.killNotice, this.killedAt);
		}
		if (this.embargoed) {
			throw new ArticleException.Embargoed(this.id, this.embargoUntil);
		}
		if (this.pubstatus == PubStatus.WITHHELD) {
			return false;
		}
		this.pubstatus = PubStatus.WITHHELD;
		this.holdNote = note;
		this.heldAt = at;
		this.updatedAt = at;
		return true;
	}

	/**
	 * Returns a story on hold to readers.
	 * @return {@code false} when it was not on hold, and nothing changed
	 */
	public boolean releaseHold(Instant at) {
		if (this.pubstatus != PubStatus.WITHHELD) {
			return false;
		}
		this.pubstatus = PubStatus.USABLE;
		this.holdNote = null;
		this.heldAt = null;
		this.updatedAt = at;
		return true;
	}

	private void advanceTo(Writethru writethru, String slug, String byline, Urgency urgency) {
		this.currentSequence = writethru.getSequence();
		this.updatedAt = writethru.getPublishedAt();
		this.slug = slug;
		this.byline = byline;
		this.urgency = urgency;
	}

	/**
	 * What other modules see of this article with the given version as current.
	 */
	public ArticleSummary summary(Writethru current) {
		return new ArticleSummary(this.id, this.slug, this.section.view(), this.source.view(), this.slugline,
				this.dateline, this.byline, this.language, this.urgency, this.pubstatus, this.firstPublishedAt,
				this.updatedAt, this.killNotice, this.killedAt, this.embargoUntil, this.embargoed, this.holdNote,
				this.heldAt, current.view());
	}

	/**
	 * Rows of (article, current writethru) as the repository selects them.
	 */
	public static List<ArticleSummary> summaries(List<Object[]> rows) {
		List<ArticleSummary> summaries = new ArrayList<>(rows.size());
		for (Object[] row : rows) {
			summaries.add(summary(row));
		}
		return summaries;
	}

	/**
	 * A row that starts with (article, current writethru), whatever follows.
	 */
	public static ArticleSummary summary(Object[] row) {
		return ((Article) row[0]).summary((Writethru) row[1]);
	}

	public PubStatus getPubstatus() {
		return this.pubstatus;
	}

	/** As the change record keeps it, for clients that replay the record. */
	public StoryState state() {
		return new StoryState(this.currentSequence, this.pubstatus.ninjs(), this.embargoed ? this.embargoUntil : null);
	}

	public boolean isKilled() {
		return this.pubstatus == PubStatus.CANCELED;
	}

	public Long getId() {
		return this.id;
	}

	public String getSectionCode() {
		return this.section.view().code();
	}

	public String getSlug() {
		return this.slug;
	}

}
