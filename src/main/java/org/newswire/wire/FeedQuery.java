package org.newswire.wire;

import java.util.Set;

import org.newswire.change.ChangeKind;
import org.newswire.change.ChangeObserved;
import org.newswire.clients.WireClient;

/**
 * What one client asked the feed for, its parameters checked against its entitlement.
 *
 * @param sections the sections wanted, all within the client's
 * @param urgency the least urgent level wanted (1 Flash ... 8): stories of that urgency
 * or more urgent; {@code null} for all
 * @param limit entries at most in one answer
 */
record FeedQuery(WireClient client, Set<String> sections, Integer urgency, int limit) {

	FeedQuery {
		sections = Set.copyOf(sections);
	}

	/**
	 * Whether the client may learn of this change and asked for its section: all but the
	 * urgency, which needs the story, so cheap enough for the change follower's thread.
	 */
	boolean mayWant(ChangeObserved change) {
		return change.articleId() != null && change.kinds().stream().anyMatch((kind) -> kind != ChangeKind.TICKER)
				&& (!change.embargoed() || this.client.embargoAhead()) && this.sections.contains(change.sectionCode());
	}

}
