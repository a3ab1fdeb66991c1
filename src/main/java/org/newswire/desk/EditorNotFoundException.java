package org.newswire.desk;

/**
 * No editor account has this id; answered with a 404 page.
 */
class EditorNotFoundException extends RuntimeException {

	EditorNotFoundException(long id) {
		super("No editor " + id);
	}

}
