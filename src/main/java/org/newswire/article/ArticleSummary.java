package org.newswire.article;

import java.time.Instant;

/**
 * An article with the version readers see now, as plain values: what other modules read
 * of a story.
 *
 * @param slug the readable part of its URL, following the current headline
 * @param killNotice why it was withdrawn, {@code null} unless killed
 * @param killedAt when it was withdrawn, {@code null} unless killed
 * @param embargoUntil when its embargo lifts or lifted, {@code null} if it never had one
 * @param embargoed whether it still waits for its embargo (then no public surface shows
 * it)
 * @param holdNote what readers see instead of the text while it is on hold, else
 * {@code null}
 * @param heldAt when it was put on hold, {@code null} unless on hold
 * @param current the version readers see now (for a killed story, the last one they saw);
 * as {@link Stories} and {@link Listings} hand it out, withheld while the story is on
 * hold
 */
public record ArticleSummary(long id, String slug, SectionView section, SourceView source, String slugline,
		String dateline, String byline, String language, Urgency urgency, PubStatus pubstatus, Instant firstPublishedAt,
		Instant updatedAt, String killNotice, Instant killedAt, Instant embargoUntil, boolean embargoed,
		String holdNote, Instant heldAt, VersionView current) {

	/**
	 * The canonical reader URL.
	 */
	public String path() {
		return Paths.article(this.id, this.slug);
	}

	public boolean killed() {
		return this.pubstatus == PubStatus.CANCELED;
	}

	/**
	 * Whether it is on hold: readers see its headline and the hold notice, not its text.
	 */
	public boolean held() {
		return this.pubstatus == PubStatus.WITHHELD;
	}

	/**
	 * What a story on hold tells those who take it instead of its text: "On hold: " and
	 * the hold note, or "On hold" without one.
	 */
	public String holdNotice() {
		return (this.holdNote == null || this.holdNote.isBlank()) ? "On hold" : "On hold: " + this.holdNote;
	}

	/**
	 * The same story with another version as its current one.
	 */
	public ArticleSummary withCurrent(VersionView version) {
		return new ArticleSummary(this.id, this.slug, this.section, this.source, this.slugline, this.dateline,
				this.byline, this.language, this.urgency, this.pubstatus, this.firstPublishedAt, this.updatedAt,
				this.killNotice, this.killedAt, this.embargoUntil, this.embargoed, this.holdNote, this.heldAt, version);
	}

	/**
	 * How many times the story was updated after its first publication.
	 */
	public int updates() {
		return this.current.sequence() - 1;
	}

}
