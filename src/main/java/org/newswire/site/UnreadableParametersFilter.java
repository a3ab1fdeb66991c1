package org.newswire.site;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parameters the container cannot read (a percent-escape that is not UTF-8 such as
 * {@code %FF}, too many parameters) are the client's mistake: answered with the 400 error
 * page and one WARN line before anything else asks for a parameter. Otherwise the failure
 * surfaces wherever a parameter is first read, inside a controller as an exception logged
 * as an ERROR with its stack trace.
 */
class UnreadableParametersFilter extends HttpFilter {

	private static final Logger log = LoggerFactory.getLogger(UnreadableParametersFilter.class);

	private static final int LOGGED_LENGTH = 120;

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		try {
			request.getParameterMap();
		}
		catch (InvalidParameterException ex) {
			int status = (ex.getErrorCode() >= 400 && ex.getErrorCode() < 500) ? ex.getErrorCode()
					: HttpServletResponse.SC_BAD_REQUEST;
			log.warn("Unreadable parameters, answered {}: {} {} from {}: {}", status, request.getMethod(),
					loggable(request.getRequestURI()), request.getRemoteAddr(), loggable(ex.getMessage()));
			response.sendError(status);
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * What the client sent, without line breaks or other control characters, and short.
	 */
	static String loggable(String text) {
		if (text == null) {
			return "";
		}
		String clean = text.replaceAll("[\\p{Cntrl}\\p{Cf}]", "?");
		return (clean.length() > LOGGED_LENGTH) ? clean.substring(0, LOGGED_LENGTH) + "…" : clean;
	}

}
