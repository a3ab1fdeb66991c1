package org.newswire.ticker;

import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.newswire.NodeMetrics;
import org.newswire.ticker.TickerBroadcaster.Refusal;

import org.springframework.stereotype.Component;

/**
 * Open live-ticker streams on this node, and the streams it refused, by reason (names in
 * docs/operations.md).
 */
@Component
class TickerMetrics {

	private final Map<Refusal, Counter> refused;

	TickerMetrics(TickerBroadcaster broadcaster, MeterRegistry meters) {
		this.refused = new NodeMetrics(meters, "ticker")
			.gauge("streams", "Open live-ticker streams", broadcaster, TickerBroadcaster::subscriberCount)
			.counters("streams.refused", "Live-ticker streams refused", Refusal.class);
	}

	void refused(Refusal reason) {
		this.refused.get(reason).increment();
	}

}
