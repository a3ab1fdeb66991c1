package org.newswire.change;

import java.time.Instant;

/**
 * The state a change left its story in, kept with the change so that a client replaying
 * the record learns the story as it stood then, not as it stands now.
 *
 * @param version the story's version (writethru sequence) readers saw, or would see,
 * after the change
 * @param pubStatus {@code usable}, {@code withheld} or {@code canceled}, as ninjs spells
 * it
 * @param embargoUntil when the story still waits for its embargo after the change, the
 * time it lifts: the change is then known only to clients entitled to embargoed stories,
 * and to no public surface; else {@code null}
 */
public record StoryState(int version, String pubStatus, Instant embargoUntil) {

	public boolean embargoed() {
		return this.embargoUntil != null;
	}

}
