package org.newswire.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.newswire.change.StoryState;

/**
 * One story at a time as readers and clients may see it: a story waiting for its embargo
 * is not found, and one on hold comes withheld, its headline and hold note without its
 * text. Killed stories are found; callers decide how to show a kill.
 */
public interface Stories {

	/**
	 * A story readers may know of, with its current version, killed or not.
	 */
	Optional<ArticleSummary> find(long articleId);

	/**
	 * A story readers may see, with its current version.
	 * @throws ArticleException.NotFound for an unknown story
	 * @throws ArticleException.Killed for a killed one: its pages answer 410 with the
	 * notice
	 */
	ArticleSummary readable(long articleId);

	/**
	 * What the article page shows, read in one statement: {@link #readable} with the
	 * corrections of its versions, oldest first, without reading any other version.
	 */
	StoryWithCorrections page(long articleId);

	/**
	 * Every version of a story, oldest first.
	 */
	List<VersionView> versions(long articleId);

	Optional<VersionView> version(long articleId, int sequence);

	/**
	 * A story as a recorded change left it, for wire clients replaying the change record:
	 * the version, pubstatus and embargo the record kept, a story still waiting for its
	 * embargo included (callers decide who may see it). Its text is withheld if the story
	 * was on hold then or is now: replaying the record never hands out text being
	 * checked.
	 * @return empty for an unknown story or version
	 */
	Optional<ArticleSummary> asRecorded(long articleId, StoryState state);

	/**
	 * Current versions of the given stories, in no particular order; unknown ids and
	 * stories waiting for their embargo are left out.
	 */
	List<ArticleSummary> current(List<Long> articleIds);

	/**
	 * Corrections of stories readers can still see, newest first.
	 */
	List<Correction> corrections(int limit);

	/**
	 * A story readers may see with the corrections of its versions, oldest first.
	 */
	record StoryWithCorrections(ArticleSummary story, List<CorrectionNote> corrections) {
	}

	/**
	 * What a correcting version told readers, and when.
	 */
	record CorrectionNote(String note, Instant publishedAt) {
	}

	/**
	 * A correcting version with the slug of its story, for the corrections page.
	 */
	record Correction(String slug, VersionView version) {
	}

}
