package org.newswire.article.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Old addresses of reader pages (a short link, a slug from an earlier headline) move
 * permanently to the canonical one, so each page is answered and cached at one URL.
 */
final class Redirects {

	private Redirects() {
	}

	static ModelAndView permanent(String path) {
		RedirectView redirect = new RedirectView(path, true);
		redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
		redirect.setExposeModelAttributes(false);
		return new ModelAndView(redirect);
	}

}
