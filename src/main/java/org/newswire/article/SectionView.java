package org.newswire.article;

/**
 * A section of the portal such as World or Business; its code is the URL segment.
 */
public record SectionView(String code, String name) {

	/**
	 * The section's reader page.
	 */
	public String path() {
		return Paths.section(this.code);
	}

}
