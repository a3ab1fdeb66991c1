package org.newswire.article.web;

/**
 * A run of text that one version shares with another, or that a writethru inserted or
 * deleted. Its accessors are public for the templates.
 */
record DiffSegment(Kind kind, String text) {

	enum Kind {

		UNCHANGED, INSERTED, DELETED

	}

	public boolean isInserted() {
		return this.kind == Kind.INSERTED;
	}

	public boolean isDeleted() {
		return this.kind == Kind.DELETED;
	}

	public boolean isChange() {
		return this.kind != Kind.UNCHANGED;
	}

}
