package org.newswire.article;

import java.time.Instant;

/**
 * A story as a listing shows it: its headline and the opening of its text, without the
 * rest of its body.
 *
 * @param label the writethru label, {@code null} on a first version
 * @param lead the opening paragraph, or {@code ""} for a story on hold, whose text
 * readers do not see
 * @param photoId the current version's lead photo (module {@code photo}), or {@code null}
 */
public record StoryCard(long id, String slug, SectionView section, Urgency urgency, PubStatus pubstatus, String label,
		String headline, String lead, Instant firstPublishedAt, Instant updatedAt, Long photoId) {

	/**
	 * The story's card: its current version's headline and first paragraph.
	 */
	public static StoryCard of(ArticleSummary story) {
		VersionView current = story.current();
		return new StoryCard(story.id(), story.slug(), story.section(), story.urgency(), story.pubstatus(),
				current.label(), current.headline(), current.paragraphs().isEmpty() ? "" : current.paragraphs().get(0),
				story.firstPublishedAt(), story.updatedAt(), current.photoId());
	}

	public String path() {
		return Paths.article(this.id, this.slug);
	}

	public boolean held() {
		return this.pubstatus == PubStatus.WITHHELD;
	}

}
