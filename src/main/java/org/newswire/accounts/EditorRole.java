package org.newswire.accounts;

/**
 * What an editor may do: every editor publishes; an admin also manages accounts and reads
 * the audit log.
 */
public enum EditorRole {

	EDITOR, ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

}
