package org.newswire.desk;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.newswire.article.ArticleSummary;
import org.newswire.article.EditorialListing;
import org.newswire.article.Publishing;
import org.newswire.article.Stories;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newswire.DeskFixtures.asAdmin;
import static org.newswire.DeskFixtures.asEditor;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Script typed into any desk field never reaches a page active: each vector is published
 * through the desk forms into every text field of a story, its correction and a ticker
 * headline, then the desk pages and the reader pages are parsed for anything that could
 * run.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeskXssTests {

	static final List<String> VECTORS = List.of("<script>alert('xss')</script>",
			"<SCRIPT SRC=//evil.example/x.js></SCRIPT>", "<img src=x onerror=alert(1)>",
			"<img src=\"javascript:alert(1)\">", "<svg onload=alert(1)>", "<svg><script>alert(1)</script></svg>",
			"<body onload=alert(1)>", "<a href=\"javascript:alert(1)\">click</a>",
			"<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
			"<iframe src=\"javascript:alert(1)\"></iframe>", "<iframe srcdoc=\"<script>alert(1)</script>\">",
			"<object data=\"data:text/html,<script>alert(1)</script>\">", "<embed src=\"javascript:alert(1)\">",
			"\"><script>alert(1)</script>", "'><img src=x onerror=alert(1)>", "\" onmouseover=\"alert(1)",
			"' onfocus='alert(1)' autofocus='", "</script><script>alert(1)</script>",
			"</textarea><script>alert(1)</script>", "</title><script>alert(1)</script>",
			"<style>body{background:url(javascript:alert(1))}</style>",
			"<div style=\"background:url(javascript:alert(1))\">x</div>",
			"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "<<script>alert(1)//<</script>",
			"<scr<script>ipt>alert(1)</scr</script>ipt>", "<img \"\"\"><script>alert(1)</script>\">",
			"<input autofocus onfocus=alert(1)>", "<details open ontoggle=alert(1)>",
			"<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
			"<base href=\"javascript:alert(1)//\">", "<form action=\"javascript:alert(1)\"><button>x</button></form>",
			"<b class=\"xss-marker\">bold</b>", "\"><i class=\"xss-marker\">",
			"<a href=\"&#106;avascript:alert(1)\">x</a>", "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
			"<video><source onerror=\"alert(1)\">", "[[${7*7}]] [(${7*7})] __${7*7}__", "javascript:alert(1)");

	@Autowired
	MockMvc mvc;

	@Autowired
	Publishing publishing;

	@Autowired
	Stories stories;

	@Autowired
	EditorialListing listing;

	@Test
	void noVectorTypedIntoTheDeskReachesAPageActive() throws Exception {
		assertThat(VECTORS).hasSizeGreaterThanOrEqualTo(30).allSatisfy((v) -> assertThat(v).hasSizeLessThan(80));
		List<String> failures = new ArrayList<>();
		for (int i = 0; i < VECTORS.size(); i++) {
			String vector = VECTORS.get(i);
			String slugline = "XSS" + i + " " + vector;
			publish(vector, slugline);
			ArticleSummary story = this.listing.page(null, "XSS" + i + " ", null, 1).get(0);
			long id = story.id();
			expect(asEditor(post("/desk/articles/{id}/writethru", id).param("action", "publish")
				.param("baseSequence", "1")
				.param("kind", "CORRECTS")
				.param("headline", vector)
				.param("body", vector + "\n\n" + vector)
				.param("ednote", vector)
				.param("correctionNote", vector)
				.param("byline", vector)
				.param("urgency", "2"), "mallory"), 302);
			expect(asEditor(post("/desk/ticker").param("text", "Ticker " + vector).param("urgency", "1"), "mallory"),
					302);

			check(failures, vector, "desk home", asEditor(get("/desk").param("q", "XSS" + i + " "), "ada"), true);
			check(failures, vector, "writethru form", asEditor(get("/desk/articles/{id}/writethru", id), "ada"), true);
			check(failures, vector, "preview",
					asEditor(post("/desk/articles/new").param("action", "preview")
						.param("headline", vector)
						.param("body", vector)
						.param("slugline", vector)
						.param("dateline", vector)
						.param("byline", vector)
						.param("section", "world")
						.param("source", "NWS"), "ada"),
					true);
			check(failures, vector, "kill form", asEditor(get("/desk/articles/{id}/kill", id), "ada"), true);
			check(failures, vector, "ticker desk", asEditor(get("/desk/ticker"), "ada"), true);
			check(failures, vector, "reader article page", get(this.stories.find(id).orElseThrow().path()), false);
			check(failures, vector, "reader home", get("/"), false);
			expect(asEditor(post("/desk/articles/{id}/hold", id).param("note", vector), "mallory"), 302);
			check(failures, vector, "hold page", asEditor(get("/desk/articles/{id}/hold", id), "ada"), true);
			check(failures, vector, "desk home, story on hold",
					asEditor(get("/desk").param("q", "XSS" + i + " "), "ada"), true);
			check(failures, vector, "reader article page on hold", get(this.stories.find(id).orElseThrow().path()),
					false);
		}
		check(failures, "all", "audit log", asAdmin(get("/desk/audit")), false);
		assertThat(failures).isEmpty();
	}

	private void publish(String vector, String slugline) throws Exception {
		expect(asEditor(post("/desk/articles/new").param("action", "publish")
			.param("section", "world")
			.param("slugline", slugline)
			.param("source", "NWS")
			.param("dateline", vector)
			.param("byline", vector)
			.param("urgency", "4")
			.param("headline", vector)
			.param("body", vector + "\n\nA plain second paragraph.")
			.param("ednote", vector), "mallory"), 302);
	}

	/**
	 * The page has no active content, and on desk pages the vector is shown as the text
	 * the editor typed: encoded, not silently dropped.
	 */
	private void check(List<String> failures, String vector, String where, MockHttpServletRequestBuilder request,
			boolean showsText) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		if (response.getStatus() != 200) {
			failures.add(where + " answered " + response.getStatus() + " for " + vector);
			return;
		}
		Document page = Jsoup.parse(response.getContentAsString());
		for (String problem : ActiveContent.in(page)) {
			failures.add(where + " after " + vector + ": " + problem);
		}
		if (showsText && !page.text().contains(vector.replaceAll("\\s+", " ").strip())
				&& page.select("input, textarea").stream().noneMatch((field) -> field.val().equals(vector))) {
			failures.add(where + " does not show the typed text " + vector);
		}
	}

	private void expect(MockHttpServletRequestBuilder request, int status) throws Exception {
		assertThat(this.mvc.perform(request).andReturn().getResponse().getStatus()).isEqualTo(status);
	}

}
