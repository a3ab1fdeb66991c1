package org.newswire;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * A module's figures of this node, registered the one way every module does: named
 * {@code newswire.<module>.<figure>} (Prometheus: dots become underscores, counters end
 * in {@code _total}, timers in {@code _seconds}), each with a description, as
 * docs/operations.md lists them.
 */
public final class NodeMetrics {

	private final MeterRegistry registry;

	private final String prefix;

	public NodeMetrics(MeterRegistry registry, String module) {
		this.registry = registry;
		this.prefix = "newswire." + module + ".";
	}

	/**
	 * A figure read from its source whenever metrics are scraped; the registry holds the
	 * source weakly, so it must be a bean that lives as long as the node.
	 */
	public <T> NodeMetrics gauge(String figure, String description, T source, ToDoubleFunction<T> value) {
		Gauge.builder(this.prefix + figure, source, value).description(description).register(this.registry);
		return this;
	}

	/**
	 * One counter per reason, tagged {@code reason} with its name in lower case,
	 * {@code _} as {@code -} ({@code NODE_LIMIT}: {@code node-limit}).
	 */
	public <E extends Enum<E>> Map<E, Counter> counters(String figure, String description, Class<E> reasons) {
		Map<E, Counter> counters = new EnumMap<>(reasons);
		for (E reason : reasons.getEnumConstants()) {
			counters.put(reason,
					Counter.builder(this.prefix + figure)
						.description(description)
						.tag("reason", reason.name().toLowerCase(Locale.ROOT).replace('_', '-'))
						.register(this.registry));
		}
		return counters;
	}

	/**
	 * Durations, with their median and 99th percentile computed on the node over a window
	 * of the last few minutes ({@code quantile="0.5"|"0.99"}).
	 */
	public Timer timer(String figure, String description) {
		return Timer.builder(this.prefix + figure)
			.description(description)
			.publishPercentiles(0.5, 0.99)
			.register(this.registry);
	}

}
