package org.newswire.ticker;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * Open live-ticker streams on this node, as {@code newswire.ticker.streams} (Prometheus:
 * {@code newswire_ticker_streams}).
 */
@Component
class TickerMetrics implements MeterBinder {

	private final TickerBroadcaster broadcaster;

	TickerMetrics(TickerBroadcaster broadcaster) {
		this.broadcaster = broadcaster;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("newswire.ticker.streams", this.broadcaster, TickerBroadcaster::subscriberCount)
			.description("Open live-ticker streams")
			.register(registry);
	}

}
