package org.newswire.photo;

/**
 * An upload the library does not take; the message says why, for the editor.
 */
public class PhotoRefusedException extends RuntimeException {

	private final boolean altText;

	PhotoRefusedException(String message, boolean altText) {
		super(message);
		this.altText = altText;
	}

	/**
	 * Whether the alt text was refused, rather than the file.
	 */
	public boolean isAltText() {
		return this.altText;
	}

}
