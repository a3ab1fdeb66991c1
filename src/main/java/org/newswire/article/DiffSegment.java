package org.newswire.article;

/**
 * A run of text that one version shares with another, or that a writethru inserted or
 * deleted.
 */
record DiffSegment(Kind kind, String text) {

	enum Kind {

		UNCHANGED, INSERTED, DELETED

	}

	boolean isInserted() {
		return this.kind == Kind.INSERTED;
	}

	boolean isDeleted() {
		return this.kind == Kind.DELETED;
	}

	boolean isChange() {
		return this.kind != Kind.UNCHANGED;
	}

}
