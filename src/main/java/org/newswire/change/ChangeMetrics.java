package org.newswire.change;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * How far this node is behind the change record, as {@code newswire.change.lag}
 * (Prometheus: {@code newswire_change_lag}): records written by any node and not yet
 * followed here. It stays near zero; a rising lag means this node serves stale pages.
 */
@Component
class ChangeMetrics implements MeterBinder {

	private final ChangeFollower follower;

	ChangeMetrics(ChangeFollower follower) {
		this.follower = follower;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("newswire.change.lag", this.follower, ChangeFollower::lag)
			.description("Change records this node has not followed yet")
			.register(registry);
		Gauge.builder("newswire.change.last.seen", this.follower, ChangeFollower::lastSeen)
			.description("Id of the last change record this node followed")
			.register(registry);
	}

}
