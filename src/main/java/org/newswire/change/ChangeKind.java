package org.newswire.change;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a recorded change did. One record carries every kind its transaction made.
 */
public enum ChangeKind {

	/** A new article became readable (its writethru 1). */
	PUBLISHED,

	/** A new writethru of an article became the version readers see. */
	WRITETHRU,

	/** An article was withdrawn. */
	KILLED,

	/** A headline was posted on or withdrawn from the ticker. */
	TICKER,

	/** An article was put on hold: readers see the hold notice instead of its text. */
	HELD,

	/** An article on hold was returned to readers. */
	RELEASED,

	/**
	 * A version was filed, or the lift time moved, while the story waits for its embargo:
	 * known to entitled clients only ({@link StoryState#embargoUntil()}).
	 */
	EMBARGOED,

	/** The embargo lifted: recorded with {@link #PUBLISHED}, which readers see. */
	LIFTED;

	/** Whether it changes what readers see of an article (not only the ticker). */
	public boolean isArticleChange() {
		return this != TICKER && this != EMBARGOED;
	}

	/** As the record's {@code kinds} column holds them: names joined by commas. */
	static String join(Set<ChangeKind> kinds) {
		return kinds.stream().map(ChangeKind::name).collect(Collectors.joining(","));
	}

	static Set<ChangeKind> split(String kinds) {
		return Arrays.stream(kinds.split(","))
			.map(ChangeKind::valueOf)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(ChangeKind.class)));
	}

}
