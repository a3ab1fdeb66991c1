package org.newswire.site;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * One error page in the site's layout for every status the container's error dispatch
 * reaches. The status picks its explanation from the {@code error.<status>.*} messages;
 * other client errors get the general {@code error.4xx.*} text and every server error the
 * same {@code error.500.*} one, so nothing technical ever reaches a reader.
 */
@Component
class ErrorPages implements ErrorViewResolver, Ordered {

	static final String VIEW = "error";

	private final MessageSource messages;

	ErrorPages(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		Map<String, Object> page = new HashMap<>(model);
		page.put("errorKey", messageKey(status));
		return new ModelAndView(VIEW, page, status);
	}

	String messageKey(HttpStatus status) {
		if (status.is5xxServerError()) {
			return "error.500";
		}
		String key = "error." + status.value();
		boolean explained = this.messages.getMessage(key + ".title", null, null,
				LocaleContextHolder.getLocale()) != null;
		return explained ? key : "error.4xx";
	}

	/**
	 * After Spring Boot's own resolver, so a template for one status
	 * ({@code error/403.html}) still takes precedence where a module adds one.
	 */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
