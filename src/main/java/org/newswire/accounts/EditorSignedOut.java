package org.newswire.accounts;

/**
 * An editor signed out of the desk.
 *
 * @param address the client address the sign-out came from
 */
public record EditorSignedOut(String username, String address) {
}
