package org.newswire.push;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.newswire.items.ItemFormat;
import org.newswire.wire.ChangeEntries;

/**
 * A client's webhook endpoint as stored.
 *
 * @param changes the feed's change names it wants ({@link ChangeEntries#NAMES})
 * @param state {@code ACTIVE}, {@code FAILING} or {@code DISABLED}
 * @param reason why it is not active, else {@code null}
 */
public record Endpoint(long id, long clientId, URI url, Set<String> changes, ItemFormat format, String secret,
		String previousSecret, Instant previousSecretUntil, long afterChange, String state, String reason) {

	/** The secrets that sign at {@code now}, newest first. */
	List<String> liveSecrets(Instant now) {
		List<String> secrets = new ArrayList<>(List.of(this.secret));
		if (this.previousSecret != null && this.previousSecretUntil != null && now.isBefore(this.previousSecretUntil)) {
			secrets.add(this.previousSecret);
		}
		return secrets;
	}

}
