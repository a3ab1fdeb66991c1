package org.newswire.site;

import java.util.List;

import org.newswire.PortalDates;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Paragraphs;
import org.newswire.article.VersionView;

/**
 * One story in a listing: headline with its label, section, time and the opening
 * paragraph as a summary.
 *
 * @param label the writethru label, {@code null} on a first version
 * @param held whether the story is on hold: then the list says so; the story comes
 * without its text, so there is no summary
 */
record StoryItem(String path, String label, String headline, String sectionName, String sectionPath, String updatedIso,
		String updated, String summary, boolean held) {

	private static final int SUMMARY_LENGTH = 220;

	static StoryItem of(ArticleSummary story, PortalDates dates) {
		VersionView current = story.current();
		List<String> paragraphs = current.paragraphs();
		return new StoryItem(story.path(), current.label(), current.headline(), story.section().name(),
				story.section().path(), dates.iso(story.updatedAt()), dates.dateTime(story.updatedAt()),
				paragraphs.isEmpty() ? "" : Paragraphs.cutAtWord(paragraphs.get(0), SUMMARY_LENGTH), story.held());
	}

}
