package org.newswire.accounts;

/**
 * What the desk's pages share with signing in: how long a user name and a password may be
 * (validated here; the desk's form limits give them to the fields' {@code maxlength}),
 * and the page a refused request is forwarded to, which the desk serves as its 403 page.
 */
public final class SignIn {

	public static final int USERNAME_LENGTH = 60;

	public static final int PASSWORD_LENGTH = 128;

	public static final String DENIED_PATH = "/desk/denied";

	private SignIn() {
	}

}
