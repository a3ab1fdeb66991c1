package org.newswire.wire;

import java.util.List;
import java.util.Optional;

import org.newswire.change.ChangeObserved;
import org.newswire.items.Items;

/**
 * Recorded changes as clients receive them, the same in the feed they poll and in the
 * webhooks pushed to them: one name per change and one entry, with the story as the
 * change left it and the change's position in the client's feed.
 */
public interface ChangeEntries {

	/**
	 * Every name a change can have in a client's feed, in the order the desk lists them.
	 */
	List<String> NAMES = List.of("published", "writethru", "correction", "withheld", "released", "canceled",
			"embargoed", "embargo-lifted");

	/**
	 * What a change is called for a client, or empty when the client receives none of it:
	 * a ticker change, or a change under embargo for a client that does not receive
	 * embargoed stories ahead of the lift (which learns of the lift as a publication).
	 */
	Optional<String> name(ChangeObserved change, boolean embargoAhead);

	/**
	 * The entry a client receives for one recorded change, or empty when it receives none
	 * of it or the change is no longer kept.
	 */
	Optional<Items.Entry> entry(long changeId, boolean embargoAhead);

}
