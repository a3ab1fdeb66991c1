package org.newswire.accounts;

/**
 * No editor account has this id; answered with a 404 page.
 */
public class EditorNotFoundException extends RuntimeException {

	EditorNotFoundException(long id) {
		super("No editor " + id);
	}

}
