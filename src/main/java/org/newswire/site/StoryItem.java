package org.newswire.site;

import org.newswire.Paragraphs;
import org.newswire.PortalDates;
import org.newswire.article.StoryCard;
import org.newswire.photo.Photo;

/**
 * One story in a listing: headline with its label, section, time and the opening
 * paragraph as a summary.
 *
 * @param label the writethru label, {@code null} on a first version
 * @param held whether the story is on hold: then the list says so; the story comes
 * without its text, so there is no summary
 * @param photo the story's lead photo as a thumbnail, {@code null} without one
 */
record StoryItem(String path, String label, String headline, String sectionName, String sectionPath, String updatedIso,
		String updated, String summary, boolean held, Photo photo) {

	private static final int SUMMARY_LENGTH = 220;

	static StoryItem of(StoryCard story, Photo photo, PortalDates dates) {
		return new StoryItem(story.path(), story.label(), story.headline(), story.section().name(),
				story.section().path(), dates.iso(story.updatedAt()), dates.dateTime(story.updatedAt()),
				Paragraphs.cutAtWord(story.lead(), SUMMARY_LENGTH), story.held(), photo);
	}

}
