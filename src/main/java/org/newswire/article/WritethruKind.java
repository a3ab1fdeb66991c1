package org.newswire.article;

import java.util.List;

/**
 * What a writethru did to its article; the kinds wire editors file.
 */
public enum WritethruKind {

	/** A new lead: the top of the story is rewritten. */
	LD_WRITETHRU("LD Writethru"),

	/** Rewritten throughout. */
	WRITETHRU("Writethru"),

	/** Fixes an error; readers are shown the correction note. */
	CORRECTS("Correction"),

	/** Adds material such as a byline or background. */
	ADDS("Adds");

	private final String labelNoun;

	WritethruKind(String labelNoun) {
		this.labelNoun = labelNoun;
	}

	/**
	 * The words of the label, without the ordinal: "LD Writethru".
	 */
	public String labelNoun() {
		return this.labelNoun;
	}

	/**
	 * The label a new writethru of this kind carries in front of its headline ("2nd LD
	 * Writethru"). Each kind is counted on its own: the third LD writethru is the "3rd LD
	 * Writethru" however many corrections came between.
	 * @param earlierKinds kinds of the versions already published, oldest first; empty
	 * for the first publication
	 * @return the label, or {@code null} for the first publication, which carries none
	 */
	public String labelAfter(List<WritethruKind> earlierKinds) {
		if (earlierKinds.isEmpty()) {
			return null;
		}
		// Version 1 is the original publication, not a writethru of its kind.
		long count = earlierKinds.stream().skip(1).filter(this::equals).count() + 1;
		return (count == 1) ? this.labelNoun : ordinal(count) + " " + this.labelNoun;
	}

	/**
	 * English ordinal: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 101st, 111th.
	 */
	static String ordinal(long n) {
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
