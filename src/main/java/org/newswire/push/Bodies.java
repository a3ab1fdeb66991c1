package org.newswire.push;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.newswire.clients.ClientAccounts;
import org.newswire.clients.WireClient;
import org.newswire.items.ItemFormat;
import org.newswire.items.Items;
import org.newswire.wire.ChangeEntries;

import org.springframework.stereotype.Component;

/**
 * What a delivery carries: the change as the client's feed has it ({@link ChangeEntries},
 * written by {@link Items#entry}), with its position in that feed, the cursor a poll of
 * the feed would resume from, so a receiver can order, deduplicate and fall back to
 * polling; a test event is a small JSON object of its own.
 */
@Component
class Bodies {

	private final ClientAccounts clients;

	private final ChangeEntries entries;

	private final Items items;

	Bodies(ClientAccounts clients, ChangeEntries entries, Items items) {
		this.clients = clients;
		this.entries = entries;
		this.items = items;
	}

	Body of(Deliveries.Delivery delivery, long clientId, ItemFormat format, Instant now) {
		if (delivery.changeId() == null) {
			String json = "{\"change\":\"test\",\"id\":\"" + delivery.messageId() + "\",\"sentAt\":\"" + now + "\"}";
			return new Body("application/json", json.getBytes(StandardCharsets.UTF_8));
		}
		long changeId = delivery.changeId();
		// As the client is entitled now: one no longer entitled to embargoed
		// stories is not sent one planned before.
		boolean embargoAhead = this.clients.find(clientId)
			.map(WireClient::embargoAhead)
			.orElseThrow(() -> new EndpointNotFoundException(clientId));
		Items.Entry entry = this.entries.entry(changeId, embargoAhead)
			.orElseThrow(() -> new IllegalStateException("Change " + changeId + " is not for this client (any more)"));
		return new Body(format.pageType().toString(), this.items.entry(format, entry));
	}

	record Body(String contentType, byte[] bytes) {
	}

}
