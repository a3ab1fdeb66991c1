package org.newswire.accounts;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Spring Security's masked (BREACH-safe) CSRF tokens, except that a tampered token whose
 * unmasked bytes are not UTF-8 counts as a wrong token: the masking handler throws on it,
 * which would answer 500 instead of the 403 page.
 */
final class TamperProofCsrfTokens implements CsrfTokenRequestHandler {

	private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
		this.masked.handle(request, response, token);
	}

	@Override
	public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
		try {
			return this.masked.resolveCsrfTokenValue(request, token);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
