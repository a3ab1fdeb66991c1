package org.newswire;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Publishing;
import org.newswire.article.Stories;
import org.newswire.article.WritethruKind;
import org.newswire.clients.ClientAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every reader and desk page, in each state a person can bring it to, is valid HTML by
 * the Nu Html Checker: duplicate ids, controls outside their place and stray end tags
 * fail. The desk forms are checked empty, sent empty (with their errors) and previewed,
 * through the form the page rendered. States that only a script draws (alert banner,
 * embargo countdown) are checked in the browser tests.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MarkupTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Publishing publishing;

	@Autowired
	ClientAccounts clients;

	@Autowired
	Stories stories;

	@Test
	void readerPagesAreValidHtml() throws Exception {
		ArticleSummary story = TestStories.story()
			.section("science")
			.headline("Tide tables move to the new datum")
			.publish(this.publishing);
		TestStories.writethru(WritethruKind.LD_WRITETHRU).post(this.publishing, story);
		ArticleSummary corrected = TestStories.writethru(WritethruKind.CORRECTS)
			.post(this.publishing, this.stories.find(story.id()).orElseThrow());
		ArticleSummary held = TestStories.story().headline("Reservoir levels under review").publish(this.publishing);
		this.publishing.hold(held.id(), "Checking the gauge readings with the water board.", "ada");
		ArticleSummary killed = TestStories.story().headline("Ferry fares story withdrawn").publish(this.publishing);
		this.publishing.kill(killed.id(), "This story was withdrawn: it named the wrong operator.", "ada");
		String path = corrected.path();

		Map<String, MockHttpServletRequestBuilder> pages = new LinkedHashMap<>();
		pages.put("home", get("/"));
		pages.put("section", get("/sections/science"));
		pages.put("corrected article", get(path));
		pages.put("held article", get(this.stories.find(held.id()).orElseThrow().path()));
		pages.put("versions", get(path + "/versions"));
		pages.put("one version", get(path + "/versions/1"));
		pages.put("compare", get(path + "/compare").param("from", "1").param("to", "3"));
		pages.put("compare without versions", get(path + "/compare"));
		pages.put("corrections", get("/corrections"));
		pages.put("search form", get("/search"));
		pages.put("search results", get("/search").param("q", "tide"));
		pages.put("search without results", get("/search").param("q", "zzyzx"));
		pages.put("killed article", get(killed.path()));
		for (Map.Entry<String, MockHttpServletRequestBuilder> page : pages.entrySet()) {
			assertValid(page.getKey(), page.getValue());
		}
	}

	@Test
	void deskPagesAreValidHtml() throws Exception {
		ArticleSummary story = TestStories.story().headline("Harbour crane fleet renewed").publish(this.publishing);
		ArticleSummary held = TestStories.story().headline("Dredging contract under review").publish(this.publishing);
		this.publishing.hold(held.id(), "Waiting for the port authority to confirm the contract value.", "ada");
		ArticleSummary embargoed = this.publishing.publish(
				TestStories.story().headline("Port budget doubles the dredging fund").draft(),
				Instant.now().plus(Duration.ofHours(3)), "ada");
		long id = story.id();

		for (String path : List.of("/desk/login", "/desk", "/desk/articles/" + id, "/desk/articles/" + embargoed.id(),
				"/desk/articles/" + held.id() + "/hold", "/desk/articles/" + id + "/kill", "/desk/ticker",
				"/desk/audit", "/desk/editors", "/desk/editors/new", "/desk/editors/1/password",
				"/desk/articles/987654321/writethru")) {
			assertValid(path, asAdmin(get(path)));
		}

		checkForm("/desk/articles/new", "/desk/articles/new",
				(form) -> form.choose("section", "world")
					.type("slugline", "Crane-Fleet")
					.choose("source", "NWS")
					.type("dateline", "PORT ELLIS, Nov. 26 (Newswire) --")
					.type("headline", "New cranes arrive at the container berth")
					.type("body", "Four cranes arrived by barge.\n\nThey start work in March."));
		checkForm("/desk/articles/" + id + "/writethru", "/desk/articles/" + id + "/writethru",
				(form) -> form.type("ednote", "Eds: UPDATES with crane count"));
		checkForm("/desk/ticker", "/desk/ticker", null);
		MockHttpServletResponse conflict = this.mvc.perform(conflict(id)).andReturn().getResponse();
		assertThat(conflict.getStatus()).isEqualTo(409);
		NuHtmlChecker.assertValid("writethru conflict page", conflict.getContentAsString());
		MockHttpServletResponse throttled = this.mvc.perform(throttledSignIn()).andReturn().getResponse();
		assertThat(throttled.getStatus()).isEqualTo(429);
		NuHtmlChecker.assertValid("sign-in refused for too many failures", throttled.getContentAsString());
		checkForm("/desk/articles/" + id + "/hold", "/desk/articles/" + id + "/hold", null);
		checkForm("/desk/articles/" + id + "/kill", "/desk/articles/" + id + "/kill", null);
		checkForm("/desk/editors/new", "/desk/editors/new", null);
		checkForm("/desk/editors/1/password", "/desk/editors/1/password", null);
	}

	@Test
	void clientPagesAreValidHtml() throws Exception {
		assertValid("/desk/clients", asAdmin(get("/desk/clients")));
		checkForm("/desk/clients", "/desk/clients", null);
		long id = this.clients.create(new ClientAccounts.NewClient("Markup Wire " + System.nanoTime(),
				"desk@markup.example", Set.of("world"), true, 60), "chief");
		this.clients.revokeKey(id, this.clients.issueKey(id, null, "chief").keyId(), "chief");
		this.clients.issueKey(id, Instant.now().plus(Duration.ofDays(30)), "chief");
		String page = "/desk/clients/" + id;
		assertValid(page, asAdmin(get(page)));
		checkForm(page, page, null);
		NuHtmlChecker.assertValid("a key that expires in the past",
				html(asAdmin(RenderedForm.of(html(asAdmin(get(page))), page + "/keys")
					.type("expiresAt", "2020-01-01T00:00:00")
					.request())));
		NuHtmlChecker.assertValid("a new key shown once",
				html(asAdmin(RenderedForm.of(html(asAdmin(get(page))), page + "/keys").request())));
	}

	/**
	 * The form as first shown, sent empty (it comes back with its errors) and, where it
	 * has one, its preview.
	 */
	private void checkForm(String page, String action, UnaryOperator<RenderedForm> fill) throws Exception {
		String empty = html(asAdmin(get(page)));
		NuHtmlChecker.assertValid(page + " empty", empty);
		RenderedForm cleared = RenderedForm.of(empty, action);
		cleared.page()
			.select("form[action=" + action + "] input[type=text], form[action=" + action + "] textarea")
			.forEach((control) -> {
				control.val("");
				control.text("");
			});
		if (!cleared.page().select("form[action=" + action + "] button[value=preview]").isEmpty()) {
			cleared.press("preview");
		}
		String invalid = html(asAdmin(cleared.request()));
		assertThat(Jsoup.parse(invalid).select("#error-summary")).as(page + " sent empty shows its errors").hasSize(1);
		NuHtmlChecker.assertValid(page + " with errors", invalid);
		if (fill != null) {
			String preview = html(asAdmin(fill.apply(RenderedForm.of(empty, action)).press("preview").request()));
			assertThat(Jsoup.parse(preview).select("#preview-title")).as(page + " previewed").hasSize(1);
			NuHtmlChecker.assertValid(page + " preview", preview);
		}
	}

	/**
	 * Two editors fill the writethru form from the same version; the second to publish
	 * gets the conflict page with the other's version and their own text.
	 */
	private MockHttpServletRequestBuilder conflict(long id) throws Exception {
		String action = "/desk/articles/" + id + "/writethru";
		RenderedForm first = RenderedForm.of(html(asAdmin(get(action))), action)
			.type("ednote", "Eds: UPDATES with the first editor's lead")
			.press("preview");
		RenderedForm second = RenderedForm.of(html(asAdmin(get(action))), action)
			.type("ednote", "Eds: UPDATES with the second editor's lead")
			.press("preview");
		RenderedForm firstPreview = RenderedForm.of(html(asAdmin(first.request())), action).press("publish");
		RenderedForm secondPreview = RenderedForm.of(html(asAdmin(second.request())), action).press("publish");
		this.mvc.perform(asAdmin(firstPreview.request()));
		return asAdmin(secondPreview.request());
	}

	/** The sixth wrong password for one account in a row: the 429 page. */
	private MockHttpServletRequestBuilder throttledSignIn() throws Exception {
		String account = "nobody-" + System.nanoTime();
		for (int attempt = 0; attempt < 5; attempt++) {
			this.mvc.perform(signIn(account));
		}
		return signIn(account);
	}

	private static MockHttpServletRequestBuilder signIn(String account) {
		// Crafted, as password guessing is; from an address of its own, so no other
		// test's
		// sign-ins share its count.
		return post("/desk/login").param("username", account)
			.param("password", "not the password")
			.with(csrf())
			.with((request) -> {
				request.setRemoteAddr("192.0.2.77");
				return request;
			});
	}

	private void assertValid(String page, MockHttpServletRequestBuilder request) throws Exception {
		NuHtmlChecker.assertValid(page, html(request));
	}

	private String html(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		assertThat(response.getContentType()).as(response.getStatus() + " " + response.getRedirectedUrl())
			.startsWith("text/html");
		assertThat(response.getStatus()).isLessThan(500);
		return response.getContentAsString();
	}

	private static MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
		return request.with(user("chief").roles("EDITOR", "ADMIN")).with(csrf());
	}

}
