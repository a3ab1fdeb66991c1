package org.newswire.desk;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import org.newswire.accounts.EditorNotFoundException;
import org.newswire.accounts.EditorRole;
import org.newswire.accounts.SignIn;
import org.newswire.article.ArticleException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every desk page shares: who is signed in, the form limits, trimmed form input that
 * arrives once per field, and clear error pages instead of stack traces. Scoped by
 * package, so every controller of the desk gets it, a new one included, and so do the
 * pages under {@code /desk} that the accounts, the audit log, the wire clients and the
 * push module's endpoint pages serve (named here, not imported: the audit log depends on
 * the desk); no other module's controllers do.
 */
@ControllerAdvice(basePackages = { "org.newswire.desk", "org.newswire.accounts", "org.newswire.audit",
		"org.newswire.clients.desk", "org.newswire.push.desk" })
class DeskAdvice {

	static final String ERROR_VIEW = "desk/error";

	@InitBinder
	void bindSingleValues(WebDataBinder binder, HttpServletRequest request) {
		SingleValuedFields.guard(binder, request.getParameterMap());
	}

	@ModelAttribute("limits")
	FormLimits.Lengths limits() {
		return FormLimits.ALL;
	}

	@ModelAttribute("editorName")
	String editorName(Principal principal) {
		return (principal != null) ? principal.getName() : null;
	}

	@ModelAttribute("admin")
	boolean admin(Principal principal) {
		return principal instanceof Authentication authentication && authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> EditorRole.ADMIN.authority().equals(authority.getAuthority()));
	}

	@ExceptionHandler({ ArticleException.NotFound.class, EditorNotFoundException.class,
			HeadlineNotFoundException.class })
	ModelAndView notFound() {
		return error(HttpStatus.NOT_FOUND, "desk.error.notFound");
	}

	@ExceptionHandler(ArticleException.Killed.class)
	ModelAndView killed(ArticleException.Killed ex) {
		ModelAndView page = error(HttpStatus.GONE, "desk.error.killed");
		page.addObject("killNotice", ex.getKillNotice());
		return page;
	}

	/**
	 * A hold (or anything else meant for a public story) asked of one still waiting for
	 * its embargo: it has no readers yet.
	 */
	@ExceptionHandler(ArticleException.Embargoed.class)
	ModelAndView embargoed(ArticleException.Embargoed ex) {
		ModelAndView page = error(HttpStatus.CONFLICT, "desk.error.embargoed");
		page.addObject("embargoUntil", ex.getEmbargoUntil());
		return page;
	}

	/**
	 * An embargo to move or lift that another editor, or the release job, lifted first.
	 */
	@ExceptionHandler(ArticleException.NotEmbargoed.class)
	ModelAndView notEmbargoed() {
		return error(HttpStatus.CONFLICT, "desk.error.notEmbargoed");
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
			HandlerMethodValidationException.class, BadDeskRequestException.class })
	ModelAndView badRequest() {
		return error(HttpStatus.BAD_REQUEST, "desk.error.badRequest");
	}

	static ModelAndView error(HttpStatus status, String messageKey) {
		ModelAndView page = new ModelAndView(ERROR_VIEW, status);
		page.addObject("status", status.value());
		page.addObject("messageKey", messageKey);
		return page;
	}

	/**
	 * Where Spring Security forwards a refused request (wrong role, missing CSRF token).
	 */
	@Controller
	static class Denied {

		@RequestMapping(SignIn.DENIED_PATH)
		ModelAndView denied() {
			return error(HttpStatus.FORBIDDEN, "desk.error.forbidden");
		}

	}

}
