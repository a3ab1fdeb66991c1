package org.newswire.desk;

import java.util.List;

import org.newswire.ticker.Urgency;

/**
 * The urgency choices of desk forms, highest first.
 */
final class Urgencies {

	private static final List<Integer> ALL = List.of(Urgency.values()).stream().map(Urgency::level).toList();

	private Urgencies() {
	}

	static List<Integer> all() {
		return ALL;
	}

}
