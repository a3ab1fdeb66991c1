package org.newswire.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * Where the desk keeps a browser's CSRF token: in the session once an editor has signed
 * in, bound to it; before that in a cookie, because an anonymous browser must not get a
 * session (issue 23: a stored session for every look at the sign-in page let anyone fill
 * the database). The sign-in form is then protected as a double submit: its token must
 * match the cookie's, which another site can neither read nor send along. Sign-in deletes
 * the cookie, and the next form gets a token kept in the new session. The tokens in the
 * pages are masked afresh for every answer either way ({@link TamperProofCsrfTokens}).
 */
final class DeskCsrfTokens implements CsrfTokenRepository {

	static final String COOKIE = "newswire_csrf";

	private final CsrfTokenRepository session = new HttpSessionCsrfTokenRepository();

	private final CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();

	DeskCsrfTokens() {
		// Sent only to the desk, never to scripts (HttpOnly is the repository's default)
		// or with requests from other sites; Secure whenever the request came over TLS.
		this.cookie.setCookieName(COOKIE);
		this.cookie.setCookiePath(DeskSecurityConfig.DESK_PATH);
		this.cookie.setCookieCustomizer((cookie) -> cookie.sameSite("Strict"));
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return store(request).generateToken(request);
	}

	@Override
	public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		store(request).saveToken(token, request, response);
	}

	@Override
	public CsrfToken loadToken(HttpServletRequest request) {
		return store(request).loadToken(request);
	}

	private CsrfTokenRepository store(HttpServletRequest request) {
		return (request.getSession(false) != null) ? this.session : this.cookie;
	}

}
