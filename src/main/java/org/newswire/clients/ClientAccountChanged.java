package org.newswire.clients;

/**
 * An admin changed a wire client or its keys; published in the transaction of the change,
 * for the audit log.
 *
 * @param client the client's name
 * @param keyId the key issued or revoked, {@code null} for a change of the client
 * @param details what the change was, for people reading the log; never a key
 * @param by the admin
 */
public record ClientAccountChanged(String client, Change change, String keyId, String details, String by) {

	/**
	 * What was done.
	 */
	public enum Change {

		CREATED, CHANGED, KEY_ISSUED, KEY_REVOKED

	}

}
