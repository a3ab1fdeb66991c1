package org.newswire.clients;

import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.newswire.NodeMetrics;

import org.springframework.stereotype.Component;

/**
 * Requests to the machine API on this node: per client, those served and those refused
 * for its rate limit, tagged {@code client} with the client's id (bounded by the clients
 * admins create, and stable when a client is renamed); and keys refused, by reason (names
 * in docs/operations.md).
 */
@Component
class ClientMetrics {

	private static final String PREFIX = "newswire.clients.";

	private final MeterRegistry meters;

	private final Map<KeyGate.Refusal, Counter> refused;

	ClientMetrics(MeterRegistry meters) {
		this.meters = meters;
		this.refused = new NodeMetrics(meters, "clients").counters("refused", "API requests refused for their key",
				KeyGate.Refusal.class);
	}

	void admitted(WireClient client) {
		counter("requests", "API requests admitted, per client", client).increment();
	}

	void limited(WireClient client) {
		counter("limited", "API requests refused with 429 for the client's rate limit", client).increment();
	}

	void refused(KeyGate.Refusal reason) {
		this.refused.get(reason).increment();
	}

	private Counter counter(String figure, String description, WireClient client) {
		return Counter.builder(PREFIX + figure)
			.description(description)
			.tag("client", Long.toString(client.id()))
			.register(this.meters);
	}

}
