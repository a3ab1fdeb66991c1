package org.newswire.article.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.newswire.PortalDates;
import org.newswire.article.ArticleException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * How reader pages of this module answer a missing or killed article: a real 404 page, or
 * 410 Gone with the kill notice so readers learn the story was withdrawn, not lost.
 */
@ControllerAdvice(basePackageClasses = ArticleErrors.class)
class ArticleErrors {

	static final String GONE_VIEW = "article-gone";

	private final PortalDates dates;

	ArticleErrors(PortalDates dates) {
		this.dates = dates;
	}

	@ExceptionHandler(ArticleException.NotFound.class)
	void notFound(HttpServletResponse response) throws IOException {
		// The container's error dispatch renders the site's 404 page.
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

	@ExceptionHandler(ArticleException.Killed.class)
	ModelAndView killed(ArticleException.Killed killed) {
		ModelAndView view = new ModelAndView(GONE_VIEW, HttpStatus.GONE);
		view.addObject("killNotice", killed.getKillNotice());
		view.addObject("killedIso", this.dates.iso(killed.getKilledAt()));
		view.addObject("killedAt", this.dates.dateTime(killed.getKilledAt()));
		return view;
	}

}
