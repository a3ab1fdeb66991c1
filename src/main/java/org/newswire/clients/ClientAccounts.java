package org.newswire.clients;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Wire clients and their keys, kept in the database so that every node sees the same. The
 * desk's pages use it, and so do tests of other modules that need a client.
 */
public interface ClientAccounts {

	/**
	 * Creates a client.
	 * @param editor the admin who creates it, for the audit trail
	 * @return its id
	 */
	long create(NewClient client, String editor);

	/**
	 * A client as it stands now, for modules that act for it outside a request (its
	 * {@link WireClient#keyId() keyId} is {@code null}).
	 */
	Optional<WireClient> find(long clientId);

	/**
	 * Issues a new key; the client's other keys stay valid.
	 * @param expiresAt when it stops working, or {@code null} for never
	 * @return the key, which is shown once and stored only as a hash
	 */
	IssuedKey issueKey(long clientId, Instant expiresAt, String editor);

	/**
	 * Revokes a key on every node.
	 */
	void revokeKey(long clientId, String keyId, String editor);

	/**
	 * @param sections codes of the sections it may receive
	 * @param requestsPerMinute each key's rate limit
	 */
	record NewClient(String name, String contact, Set<String> sections, boolean embargoAhead, int requestsPerMinute) {
	}

	/**
	 * @param keyId the short id logs and the desk show
	 * @param key the whole key the client sends, shown once
	 */
	record IssuedKey(String keyId, String key) {
	}

}
