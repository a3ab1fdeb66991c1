package org.newswire.desk;

/**
 * What an editor may do: every editor publishes; an admin also manages accounts and reads
 * the audit log.
 */
enum EditorRole {

	EDITOR, ADMIN;

	String authority() {
		return "ROLE_" + name();
	}

}
