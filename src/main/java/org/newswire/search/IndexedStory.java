package org.newswire.search;

import java.time.Instant;

import org.newswire.article.ArticleSummary;
import org.newswire.article.VersionView;

/**
 * What the index keeps of a story: the current version's text and what a result shows. A
 * story on hold comes from the article module without its text, so it is kept by its
 * headline alone and its text is neither found nor quoted until it is released (holds and
 * releases are article changes: the updater re-indexes the story on both).
 *
 * @param label the writethru label, {@code null} on a first publication
 */
record IndexedStory(long id, String headline, String body, String label, String path, String sectionName,
		Instant updated) {

	static IndexedStory of(ArticleSummary story) {
		VersionView current = story.current();
		return new IndexedStory(story.id(), current.headline(), String.join("\n\n", current.paragraphs()),
				current.label(), story.path(), story.section().name(), current.publishedAt());
	}

}
