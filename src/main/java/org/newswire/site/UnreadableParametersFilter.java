package org.newswire.site;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.newswire.LogText;
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
					LogText.loggable(request.getRequestURI()), request.getRemoteAddr(),
					LogText.loggable(ex.getMessage()));
			response.sendError(status);
			return;
		}
		chain.doFilter(request, response);
	}

}
