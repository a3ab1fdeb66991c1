package org.newswire.push;

import java.util.Set;
import java.util.UUID;

import org.newswire.clients.ClientAccounts;

/**
 * Wire clients for push tests.
 */
final class PushFixtures {

	private PushFixtures() {
	}

	/** A client receiving the given sections, not embargoed stories. */
	static long client(ClientAccounts clients, String... sections) {
		return clients.create(new ClientAccounts.NewClient("Client " + UUID.randomUUID(), "desk@client.example",
				Set.of(sections), false, 120), "chief");
	}

}
