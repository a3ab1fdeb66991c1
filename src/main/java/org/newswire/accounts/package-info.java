/**
 * Desk accounts and signing in to the desk: editors and their roles, the first admin, the
 * admins' account pages, the desk's security chain (form sign-in, sessions in the
 * database, CSRF tokens, the page to return to) and the sign-in throttle with its device
 * cookies. Publishes {@link org.newswire.accounts.EditorSignedIn},
 * {@link org.newswire.accounts.EditorSignedOut} and
 * {@link org.newswire.accounts.EditorAccountChanged}; other modules know an editor only
 * by name and {@link org.newswire.accounts.EditorRole}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package org.newswire.accounts;
