package org.newswire.accounts;

/**
 * An editor signed in to the desk.
 *
 * @param address the client address the sign-in came from
 */
public record EditorSignedIn(String username, String address) {
}
