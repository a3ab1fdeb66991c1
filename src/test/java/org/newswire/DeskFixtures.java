package org.newswire;

import java.util.concurrent.atomic.AtomicInteger;

import org.newswire.article.ArticleSummary;
import org.newswire.article.Publishing;
import org.newswire.article.Urgency;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Stories and signed-in requests the desk's and the accounts' tests share. Every test
 * context has its own empty database, shared by the test classes that use it, so names
 * are made unique.
 */
public final class DeskFixtures {

	private static final AtomicInteger counter = new AtomicInteger();

	private DeskFixtures() {
	}

	public static String unique(String prefix) {
		return prefix + "-" + counter.incrementAndGet();
	}

	public static ArticleSummary story(Publishing publishing, String headline) {
		return TestStories.story()
			.slugline(unique("Harbour-Bridge"))
			.urgency(Urgency.ROUTINE)
			.headline(headline)
			.paragraphs("The bridge over the harbour reopened on Thursday.", "Traffic was light in the morning.")
			.ednote("Eds: first publication")
			.publish(publishing);
	}

	public static MockHttpServletRequestBuilder asEditor(MockHttpServletRequestBuilder request, String name) {
		return request.with(user(name).roles("EDITOR")).with(csrf());
	}

	public static MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
		return request.with(user("chief").roles("EDITOR", "ADMIN")).with(csrf());
	}

}
