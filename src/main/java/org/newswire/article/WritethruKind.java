package org.newswire.article;

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

}
