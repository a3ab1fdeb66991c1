package org.newswire.ticker;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.newswire.ticker.TickerBroadcaster.Refusal;

import org.springframework.stereotype.Component;

/**
 * Open live-ticker streams on this node, as {@code newswire.ticker.streams} (Prometheus:
 * {@code newswire_ticker_streams}), and the streams it refused, as
 * {@code newswire.ticker.streams.refused} with tag {@code reason} =
 * {@code client-limit|node-limit|stopping} (Prometheus:
 * {@code newswire_ticker_streams_refused_total}).
 */
@Component
class TickerMetrics {

	private final Map<Refusal, Counter> refused = new EnumMap<>(Refusal.class);

	TickerMetrics(TickerBroadcaster broadcaster, MeterRegistry meters) {
		Gauge.builder("newswire.ticker.streams", broadcaster, TickerBroadcaster::subscriberCount)
			.description("Open live-ticker streams")
			.register(meters);
		for (Refusal reason : Refusal.values()) {
			this.refused.put(reason,
					Counter.builder("newswire.ticker.streams.refused")
						.description("Live-ticker streams refused")
						.tag("reason", reason.name().toLowerCase(Locale.ROOT).replace('_', '-'))
						.register(meters));
		}
	}

	void refused(Refusal reason) {
		this.refused.get(reason).increment();
	}

}
