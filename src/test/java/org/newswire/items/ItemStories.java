package org.newswire.items;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.newswire.article.ArticleSummary;
import org.newswire.article.PubStatus;
import org.newswire.article.SectionView;
import org.newswire.article.SourceView;
import org.newswire.article.Urgency;
import org.newswire.article.VersionView;
import org.newswire.article.WritethruKind;
import org.newswire.photo.Photo;

/**
 * One story in each state a client can meet it, built as the article module hands it out:
 * on hold, the version carries no text, ednote or correction note.
 */
final class ItemStories {

	static final long ID = 7;

	static final Instant FILED = Instant.parse("2026-11-26T09:00:00Z");

	static final Instant CORRECTED = FILED.plus(Duration.ofMinutes(40));

	static final Instant LIFT = FILED.plus(Duration.ofHours(2));

	static final String HEADLINE = "Harbour pier closes <for> repairs & \"more\"";

	static final List<String> PARAGRAPHS = List.of("The harbour master said the pier would reopen <soon> & safely.",
			"Ferries will use the north berth meanwhile.");

	/**
	 * A lead photo as an item carries it, at two widths in both formats, its links from
	 * {@code https://news.example.org}.
	 */
	static final ItemPhotos.ItemPhoto PHOTO = new ItemPhotos.ItemPhoto(
			new Photo(3, "f00d", 1200, 800, "A ferry leaving the pier", "The ferry leaves Port Ellis.",
					"Ada Quill / Newswire",
					List.of(new Photo.Rendition(320, 213, "webp", "/media/f00d/320.webp"),
							new Photo.Rendition(320, 213, "jpg", "/media/f00d/320.jpg"),
							new Photo.Rendition(1200, 800, "webp", "/media/f00d/1200.webp"),
							new Photo.Rendition(1200, 800, "jpg", "/media/f00d/1200.jpg"))),
			"https://news.example.org");

	static final VersionView FIRST = new VersionView(ID, 1, WritethruKind.WRITETHRU, null, HEADLINE, PARAGRAPHS, null,
			null, "ada", FILED);

	static final VersionView CORRECTION = new VersionView(ID, 2, WritethruKind.CORRECTS, "Correction",
			"Harbour pier reopens after repairs", List.of("The pier reopened on Tuesday.", "Ferries use it again."),
			"Eds: CORRECTS berth in paragraph 2", "An earlier version named the wrong berth.", "bob", CORRECTED);

	/** The correction as a story on hold hands it out. */
	static final VersionView CORRECTION_HELD = new VersionView(ID, 2, WritethruKind.CORRECTS, "Correction",
			"Harbour pier reopens after repairs", List.of(), null, null, "bob", CORRECTED);

	private ItemStories() {
	}

	static ArticleSummary usable(VersionView current) {
		return story(PubStatus.USABLE, current, null, null, null, false, null, null);
	}

	static ArticleSummary withheld() {
		return story(PubStatus.WITHHELD, CORRECTION_HELD, null, null, null, false, "Figures are being checked.",
				CORRECTED.plus(Duration.ofMinutes(5)));
	}

	static ArticleSummary canceled() {
		return story(PubStatus.CANCELED, CORRECTION, "Withdrawn: the inspection was of another bridge.",
				CORRECTED.plus(Duration.ofMinutes(10)), null, false, null, null);
	}

	/** Filed ahead of its embargo, which has not lifted. */
	static ArticleSummary embargoed() {
		return story(PubStatus.USABLE, FIRST, null, null, LIFT, true, null, null);
	}

	/** What the same story says once its embargo lifted. */
	static ArticleSummary lifted() {
		return story(PubStatus.USABLE, FIRST, null, null, LIFT, false, null, null);
	}

	private static ArticleSummary story(PubStatus status, VersionView current, String killNotice, Instant killedAt,
			Instant embargoUntil, boolean embargoed, String holdNote, Instant heldAt) {
		return new ArticleSummary(ID, "harbour-pier-closes", new SectionView("world", "World"),
				new SourceView("NWS", "Newswire", "(END)"), "Harbour-Test", "PORT ELLIS, Nov. 26 (Newswire) --",
				"By Ada Quill", "en", Urgency.URGENT, status, FILED, current.publishedAt(), killNotice, killedAt,
				embargoUntil, embargoed, holdNote, heldAt, current);
	}

}
