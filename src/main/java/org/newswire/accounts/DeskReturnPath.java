package org.newswire.accounts;

import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;
import org.springframework.web.util.WebUtils;

/**
 * Remembers the desk page a signed-out browser asked for, so that signing in leads back
 * to it: in a cookie, because a browser that has not signed in must not get a session
 * (issue 23). The cookie is the client's to change, so only a desk path of plain
 * characters is followed; anything else leads to the desk's home page, and no saved
 * request is ever replayed, only redirected to.
 */
final class DeskReturnPath implements RequestCache {

	static final String COOKIE = "newswire_return";

	/**
	 * A desk page as its request line names it, in characters a cookie carries as they
	 * are: no {@code //} or backslash that a browser would read as another host, and no
	 * segment of dots (or escaped dots) that would lead out of the desk.
	 */
	private static final Pattern DESK_PAGE = Pattern.compile("/desk(/[\\w~-][\\w.~%-]*)*/?(\\?[\\w.~%&=+-]*)?");

	private static final int MAX_LENGTH = 1000;

	@Override
	public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
		String page = request.getRequestURI().substring(request.getContextPath().length())
				+ ((request.getQueryString() != null) ? "?" + request.getQueryString() : "");
		if (HttpMethod.GET.matches(request.getMethod()) && followable(page)) {
			response.addHeader(HttpHeaders.SET_COOKIE,
					DeskSecurityConfig.deskCookie(COOKIE, page, request).build().toString());
		}
	}

	@Override
	public SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
		Cookie cookie = WebUtils.getCookie(request, COOKIE);
		return (cookie != null && followable(cookie.getValue())) ? new SimpleSavedRequest(cookie.getValue()) : null;
	}

	@Override
	public HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
		return null;
	}

	@Override
	public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
		if (WebUtils.getCookie(request, COOKIE) != null) {
			response.addHeader(HttpHeaders.SET_COOKIE,
					DeskSecurityConfig.deskCookie(COOKIE, "", request).maxAge(0).build().toString());
		}
	}

	private static boolean followable(String page) {
		return page.length() <= MAX_LENGTH && DESK_PAGE.matcher(page).matches();
	}

}
