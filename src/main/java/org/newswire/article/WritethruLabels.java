package org.newswire.article;

import java.util.List;

/**
 * Computes the label a writethru carries in front of its headline ("2nd LD Writethru").
 * Each kind is counted on its own: the third LD writethru is the "3rd LD Writethru"
 * however many corrections came between. The first publication carries no label.
 */
public final class WritethruLabels {

	private WritethruLabels() {
	}

	/**
	 * The label of a new writethru of the given kind, following the kinds of all earlier
	 * versions (sequence 1 first).
	 * @param earlierKinds kinds of the versions already published, oldest first; empty
	 * for the first publication
	 * @param kind the kind of the new version
	 * @return the label, or {@code null} for the first publication
	 */
	public static String next(List<WritethruKind> earlierKinds, WritethruKind kind) {
		if (earlierKinds.isEmpty()) {
			return null;
		}
		// Version 1 is the original publication, not a writethru of its kind.
		long count = earlierKinds.stream().skip(1).filter(kind::equals).count() + 1;
		return (count == 1) ? kind.labelNoun() : ordinal(count) + " " + kind.labelNoun();
	}

	/**
	 * English ordinal: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 101st, 111th.
	 */
	public static String ordinal(long n) {
		if (n < 1) {
			throw new IllegalArgumentException("Ordinals start at 1, not " + n);
		}
		long lastTwo = n % 100;
		if (lastTwo >= 11 && lastTwo <= 13) {
			return n + "th";
		}
		return switch ((int) (n % 10)) {
			case 1 -> n + "st";
			case 2 -> n + "nd";
			case 3 -> n + "rd";
			default -> n + "th";
		};
	}

}
