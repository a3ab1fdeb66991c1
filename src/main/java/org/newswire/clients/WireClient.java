package org.newswire.clients;

import java.util.Set;

/**
 * The client newsroom a request to the machine API ({@code /api/v1/}) was authenticated
 * as, with what it may receive. Controllers of other modules declare a parameter of this
 * type and get the request's client; a request without a valid key never reaches them.
 *
 * @param sections the codes of the sections it may receive
 * @param embargoAhead whether it receives embargoed stories when they are filed, marked
 * with their lift time, and not only at the lift
 * @param requestsPerMinute the rate limit of each of its keys
 * @param keyId the short, loggable id of the key the request came with; {@code null} for
 * a client read through {@link ClientAccounts#find}
 */
public record WireClient(long id, String name, Set<String> sections, boolean embargoAhead, int requestsPerMinute,
		String keyId) {

	public WireClient {
		sections = Set.copyOf(sections);
	}

	/**
	 * The same client, for a request that came with this key.
	 */
	WireClient forKey(String keyId) {
		return new WireClient(this.id, this.name, this.sections, this.embargoAhead, this.requestsPerMinute, keyId);
	}

	public boolean receives(String sectionCode) {
		return this.sections.contains(sectionCode);
	}

}
