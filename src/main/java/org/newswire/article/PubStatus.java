package org.newswire.article;

/**
 * Publication status, spelt as ninjs spells it.
 */
public enum PubStatus {

	USABLE("usable"), WITHHELD("withheld"), CANCELED("canceled");

	private final String ninjs;

	PubStatus(String ninjs) {
		this.ninjs = ninjs;
	}

	public String ninjs() {
		return this.ninjs;
	}

	public static PubStatus ofNinjs(String value) {
		for (PubStatus status : values()) {
			if (status.ninjs.equals(value)) {
				return status;
			}
		}
		throw new IllegalArgumentException("Unknown pubstatus " + value);
	}

}
