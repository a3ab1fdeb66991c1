package org.newswire.search;

import java.time.Instant;

import org.newswire.article.ArticleSummary;
import org.newswire.article.Writethru;

/**
 * What the index keeps of a story: the current version's text and what a result shows.
 *
 * @param label the writethru label, {@code null} on a first publication
 */
record IndexedStory(long id, String headline, String body, String label, String path, String sectionName,
		Instant updated) {

	static IndexedStory of(ArticleSummary story) {
		Writethru current = story.current();
		return new IndexedStory(story.article().getId(), current.getHeadline(),
				String.join("\n\n", current.getParagraphs()), current.getLabel(), story.path(),
				story.article().getSection().getName(), current.getPublishedAt());
	}

}
