package org.newswire.accounts;

/**
 * An admin (or, for the first admin, {@code "system"}) changed a desk account.
 *
 * @param username the account changed
 * @param role the account's role
 * @param by who changed it
 */
public record EditorAccountChanged(String username, EditorRole role, Change change, String by) {

	/**
	 * What was done to the account.
	 */
	public enum Change {

		CREATED, DISABLED, ENABLED, PASSWORD_RESET, DEVICES_REVOKED

	}

}
