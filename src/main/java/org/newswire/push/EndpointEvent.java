package org.newswire.push;

/**
 * An admin changed a client's webhook endpoint or sent its deliveries again, published in
 * the transaction that did it (for the audit trail).
 *
 * @param details what the audit log shows: the URL, and what was sent again
 */
public record EndpointEvent(Change change, long clientId, long endpointId, String details, String editor) {

	public enum Change {

		CREATED, CHANGED, SECRET_ROTATED, REMOVED, REPLAYED

	}

}
