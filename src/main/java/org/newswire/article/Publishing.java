package org.newswire.article;

import java.time.Instant;
import java.util.List;

import org.newswire.article.EditorialListing.ScheduledVersion;

/**
 * What editors do to stories: file, update, schedule, kill, hold, and move or lift an
 * embargo. Each command locks the story, applies the publishing rules and, in the same
 * transaction, records the change for every node and announces an {@link ArticleEvent}.
 */
public interface Publishing {

	/**
	 * Files a new story as its writethru 1, to be published at once, or, with an
	 * {@code embargoUntil}, to wait on the desk until then: nothing public hears of it
	 * (no change record, no {@link ArticleEvent.Published}) until it lifts.
	 * @param embargoUntil when it may be published, or {@code null} for now
	 * @throws IllegalArgumentException for an unknown section or source, or an embargo
	 * that is not in the future
	 */
	ArticleSummary publish(NewArticle draft, Instant embargoUntil, String editor);

	/**
	 * Publishes a new story at once.
	 */
	ArticleSummary publish(NewArticle draft, String editor);

	/**
	 * Publishes a new version of a story, provided nobody else published since the
	 * version the editor started from.
	 * @throws ArticleException.Stale when {@code baseSequence} is no longer current
	 * @throws ArticleException.NotFound for an unknown story
	 * @throws ArticleException.Killed when the story was killed
	 */
	ArticleSummary postWritethru(long articleId, int baseSequence, WritethruDraft draft, String editor);

	/**
	 * Files a writethru to go out at {@code releaseAt} through {@link #postWritethru}'s
	 * rules, against the version current then: one whose base was superseded meanwhile is
	 * kept as a conflict, its text intact.
	 * @throws IllegalArgumentException for a time that is not in the future
	 * @throws ArticleException.Stale when {@code baseSequence} is not current even now
	 */
	ScheduledVersion schedule(long articleId, int baseSequence, WritethruDraft draft, Instant releaseAt, String editor);

	/**
	 * Withdraws a scheduled writethru before its time, or discards one in conflict.
	 * @return {@code false} when it had gone out or was cancelled already
	 * @throws ArticleException.NotFound when the story has no such scheduled writethru
	 */
	boolean cancelScheduled(long articleId, long scheduledId, String editor);

	/**
	 * Withdraws a story; its page then answers 410 Gone with the notice.
	 */
	void kill(long articleId, String notice, String editor);

	/**
	 * Puts a published story on hold: its page shows the note instead of the text until
	 * {@link #releaseHold} or {@link #kill}.
	 * @throws ArticleException.Embargoed while it waits for its embargo
	 */
	void hold(long articleId, String note, String editor);

	/**
	 * Returns a story on hold to readers.
	 */
	void releaseHold(long articleId, String editor);

	/**
	 * Releases a story before its embargo time ("Release now").
	 * @throws ArticleException.NotEmbargoed when it is public already
	 * @throws ArticleException.Killed when it was killed while waiting
	 */
	ArticleSummary liftEmbargo(long articleId, String editor);

	/**
	 * Sets another time for a story's embargo to lift.
	 * @throws IllegalArgumentException for a time that is not in the future
	 * @throws ArticleException.NotEmbargoed when it is public already
	 */
	void moveEmbargo(long articleId, Instant to, String editor);

	/**
	 * Releases every embargo and scheduled writethru due at the clock's time, each in its
	 * own transaction. Every node's release job calls it a few times a second; however
	 * many nodes find a story due, it is released once.
	 * @return how many this call released (those another node released are not counted)
	 */
	int releaseDue();

	/**
	 * What an editor files to publish a new story; becomes the article and its writethru
	 * 1.
	 *
	 * @param photoId the version's lead photo (module {@code photo}), or {@code null}
	 */
	record NewArticle(String sectionCode, String slugline, String sourceCode, String dateline, String byline,
			String language, Urgency urgency, String headline, List<String> paragraphs, String ednote, Long photoId) {

		/**
		 * A story without a photo.
		 */
		public NewArticle(String sectionCode, String slugline, String sourceCode, String dateline, String byline,
				String language, Urgency urgency, String headline, List<String> paragraphs, String ednote) {
			this(sectionCode, slugline, sourceCode, dateline, byline, language, urgency, headline, paragraphs, ednote,
					null);
		}

	}

	/**
	 * A new version of an article as an editor files it. {@code correctionNote} is
	 * required for {@link WritethruKind#CORRECTS} and ignored otherwise.
	 *
	 * @param photoId the version's lead photo, or {@code null} for none: a version does
	 * not inherit its predecessor's (the desk offers it as the default)
	 */
	record WritethruDraft(WritethruKind kind, String headline, List<String> paragraphs, String ednote,
			String correctionNote, String byline, Urgency urgency, Long photoId) {

		/**
		 * A version without a photo.
		 */
		public WritethruDraft(WritethruKind kind, String headline, List<String> paragraphs, String ednote,
				String correctionNote, String byline, Urgency urgency) {
			this(kind, headline, paragraphs, ednote, correctionNote, byline, urgency, null);
		}

		public WritethruDraft {
			if (kind == WritethruKind.CORRECTS && (correctionNote == null || correctionNote.isBlank())) {
				throw new IllegalArgumentException("A correction needs a correction note for readers");
			}
			if (kind != WritethruKind.CORRECTS) {
				correctionNote = null;
			}
		}

	}

}
