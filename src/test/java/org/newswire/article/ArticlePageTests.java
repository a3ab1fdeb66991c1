package org.newswire.article;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.newswire.SettableClock;
import org.newswire.TestStories;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class ArticlePageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Publishing publishing;

	@Autowired
	Stories stories;

	@Autowired
	JsonMapper json;

	@Autowired
	SettableClock clock;

	@Test
	void showsTheCurrentWritethruWithLabelDatesNotesAndEndMarker() throws Exception {
		ArticleSummary first = publish("Ferry service resumes across the sound", "NWS");
		long id = first.id();
		TestStories.writethru(WritethruKind.LD_WRITETHRU)
			.headline("Ferry service resumes with extra sailings")
			.paragraphs("Extra sailings were added on Thursday.", "Queues were short.")
			.ednote("Eds: UPDATES with extra sailings")
			.urgency(Urgency.ROUTINE)
			.post(this.publishing, id, 1);
		TestStories.writethru(WritethruKind.CORRECTS)
			.headline("Ferry service resumes with extra sailings")
			.paragraphs("Extra sailings were added on Friday.", "Queues were short.")
			.ednote("Eds: CORRECTS day")
			.correctionNote("Corrects day of extra sailings to Friday, not Thursday.")
			.urgency(Urgency.ROUTINE)
			.post(this.publishing, id, 2);
		ArticleSummary current = TestStories.writethru(WritethruKind.LD_WRITETHRU)
			.headline("Ferry queues grow as weekend sailings fill")
			.paragraphs("Weekend sailings filled by noon.", "Extra sailings run on Friday.", "The operator plans more.")
			.ednote("Eds: UPDATES with weekend demand")
			.byline("By Ada Quill and Ben Ode")
			.urgency(Urgency.ROUTINE)
			.post(this.publishing, id, 3);

		String html = page(current.path());
		var document = Jsoup.parse(html);

		assertThat(document.select("h1").text())
			.isEqualTo("2nd LD Writethru: Ferry queues grow as weekend sailings fill");
		assertThat(document.select("title").text())
			.startsWith("2nd LD Writethru: Ferry queues grow as weekend sailings fill");
		assertThat(document.select(".source-date").text()).matches("Newswire, [A-Z][a-z]+ \\d{1,2}, \\d{4}");
		assertThat(document.select(".byline").text()).isEqualTo("By Ada Quill and Ben Ode");
		assertThat(document.select(".updated").text()).startsWith("Updated ");
		assertThat(document.select(".updated time").attr("datetime"))
			.isEqualTo(current.current().publishedAt().truncatedTo(ChronoUnit.SECONDS).toString());
		assertThat(document.select(".ednote").text()).contains("Eds: UPDATES with weekend demand");
		// The correction was two versions ago and still stands.
		assertThat(document.select(".correction").text())
			.isEqualTo("Correction: Corrects day of extra sailings to Friday, not Thursday.");
		var paragraphs = document.select(".story-body p");
		assertThat(paragraphs).hasSize(3);
		assertThat(paragraphs.get(0).text())
			.isEqualTo("PORT ELLIS, Nov. 26 (Newswire) -- Weekend sailings filled by noon.");
		assertThat(paragraphs.get(2).text()).isEqualTo("The operator plans more. Endi");
		assertThat(document.select(".history-link a").text()).isEqualTo("This story has been updated 3 times");
		assertThat(document.select(".history-link a").attr("href")).isEqualTo(current.path() + "/versions");
		var article = document.selectFirst("article.story");
		assertThat(article.attr("data-article-id")).isEqualTo(String.valueOf(id));
		assertThat(article.attr("data-sequence")).isEqualTo("4");
		assertThat(document.select("#live-update[role=status][aria-live=polite]")).hasSize(1);
		assertThat(document.select("nav.breadcrumb li")).extracting((li) -> li.text()).containsExactly("Home", "World");
		assertThat(document.select("nav.breadcrumb [aria-current=page]").text()).isEqualTo("World");
	}

	@Test
	void firstVersionHasNoLabelNoUpdateLineAndTheSourcesEndMarker() throws Exception {
		ArticleSummary story = publish("Lighthouse keepers mark a quiet century", "HBR");
		var document = Jsoup.parse(page(story.path()));
		assertThat(document.select("h1").text()).isEqualTo("Lighthouse keepers mark a quiet century");
		assertThat(document.select(".story-label")).isEmpty();
		assertThat(document.select(".updated")).isEmpty();
		assertThat(document.select(".history-link")).isEmpty();
		assertThat(document.select(".correction")).isEmpty();
		assertThat(document.select(".source-date").text()).startsWith("Harbour Press, ");
		assertThat(document.select(".story-body p").last().text()).endsWith("Traffic was light. Enditem");
	}

	@Test
	void carriesNewsArticleJsonLdAndOpenGraph() throws Exception {
		ArticleSummary first = publish("Museum opens a gallery of maps", "NWS");
		ArticleSummary current = TestStories.writethru(WritethruKind.ADDS)
			.headline("Museum opens a gallery of maps")
			.paragraphs("Adds hours.")
			.ednote("Eds: ADDS opening hours")
			.urgency(Urgency.ROUTINE)
			.post(this.publishing, first.id(), 1);
		var document = Jsoup.parse(page(current.path()));
		JsonNode ld = this.json.readTree(document.select("script[type=application/ld+json]").html());
		assertThat(ld.get("@type").asString()).isEqualTo("NewsArticle");
		assertThat(ld.get("headline").asString()).isEqualTo("Adds: Museum opens a gallery of maps");
		assertThat(ld.get("datePublished").asString())
			.isEqualTo(first.firstPublishedAt().truncatedTo(ChronoUnit.SECONDS).toString());
		assertThat(ld.get("dateModified").asString())
			.isEqualTo(current.current().publishedAt().truncatedTo(ChronoUnit.SECONDS).toString());
		assertThat(ld.get("author").get("name").asString()).isEqualTo("Ada Quill");
		assertThat(ld.get("publisher").get("name").asString()).isEqualTo("Newswire");
		assertThat(document.select("meta[property=og:title]").attr("content"))
			.isEqualTo("Adds: Museum opens a gallery of maps");
		assertThat(document.select("meta[property=og:type]").attr("content")).isEqualTo("article");
		// Absolute, from the request's origin when newswire.public-url is unset.
		assertThat(document.select("link[rel=canonical]").attr("href")).isEqualTo("http://localhost" + current.path());
		assertThat(ld.get("url").asString()).isEqualTo("http://localhost" + current.path());
		assertThat(document.select("link[rel=alternate][type=application/rss+xml]").attr("href"))
			.isEqualTo("/feeds/rss.xml");
		assertThat(document.select("link[rel=alternate][type=application/atom+xml]").attr("href"))
			.isEqualTo("/feeds/atom.xml");
	}

	@Test
	void jsonLdMovesDateModifiedWithEveryWritethruAndCarriesEveryCorrection() throws Exception {
		Instant filed = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
		long id = this.clock.callAt(filed, () -> publish("Ferry timetable changes for winter", "NWS")).id();
		JsonNode first = jsonLd(this.stories.readable(id).path());
		assertThat(first.get("datePublished").asString()).isEqualTo(filed.toString());
		assertThat(first.get("dateModified").asString()).isEqualTo(filed.toString());
		assertThat(first.has("correction")).isFalse();

		Instant corrected = filed.plus(Duration.ofMinutes(15));
		this.clock.runAt(corrected,
				() -> TestStories.writethru(WritethruKind.CORRECTS)
					.headline("Ferry timetable changes for winter")
					.correctionNote("Corrects the first winter sailing to 6:15, not 6:50.")
					.post(this.publishing, id, 1));
		Instant led = filed.plus(Duration.ofMinutes(40));
		ArticleSummary current = this.clock.callAt(led,
				() -> TestStories.writethru(WritethruKind.LD_WRITETHRU)
					.headline("Ferry timetable adds late sailings for winter")
					.post(this.publishing, id, 2));

		JsonNode ld = jsonLd(current.path());
		assertThat(ld.get("datePublished").asString()).isEqualTo(filed.toString());
		assertThat(ld.get("dateModified").asString()).isEqualTo(led.toString());
		// The correction still stands after a later writethru, as on the page.
		assertThat(ld.get("correction")).singleElement().satisfies((correction) -> {
			assertThat(correction.get("@type").asString()).isEqualTo("CorrectionComment");
			assertThat(correction.get("text").asString())
				.isEqualTo("Corrects the first winter sailing to 6:15, not 6:50.");
			assertThat(correction.get("datePublished").asString()).isEqualTo(corrected.toString());
		});
	}

	@Test
	void jsonLdOfAStoryOnHoldCarriesNoText() throws Exception {
		ArticleSummary story = publish("Bridge inspection finds cracks", "NWS");
		this.publishing.hold(story.id(), "Figures are being checked.", "ada");
		String ld = Jsoup.parse(page(story.path())).select("script[type=application/ld+json]").html();
		assertThat(this.json.readTree(ld).has("articleBody")).isFalse();
		assertThat(ld).contains("Bridge inspection finds cracks")
			.doesNotContain("The first paragraph")
			.doesNotContain("Traffic was light");
	}

	@Test
	void escapesHeadlineTextInHtmlAndInJsonLd() throws Exception {
		String headline = "Council votes </script><script>alert(1)</script> & \"more\"";
		ArticleSummary story = publish(headline, "NWS");
		String html = page(story.path());
		assertThat(html).doesNotContain("<script>alert(1)");
		assertThat(html).contains("Council votes &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp;");
		var document = Jsoup.parse(html);
		assertThat(document.select("h1").text()).isEqualTo(headline);
		String ld = document.select("script[type=application/ld+json]").html();
		assertThat(ld).doesNotContain("</script").contains("\\u003c/script\\u003e");
		assertThat(this.json.readTree(ld).get("headline").asString()).isEqualTo(headline);
	}

	@Test
	void wrongSlugAndShortLinkRedirectPermanentlyToTheCanonicalUrl() throws Exception {
		ArticleSummary story = publish("Orchard harvest comes in early", "NWS");
		long id = story.id();
		this.mvc.perform(get("/articles/" + id + "/an-old-slug"))
			.andExpect(status().isMovedPermanently())
			.andExpect(redirectedUrl(story.path()));
		this.mvc.perform(get("/articles/" + id))
			.andExpect(status().isMovedPermanently())
			.andExpect(redirectedUrl(story.path()));
	}

	@Test
	void unknownOrMalformedIdsAreClientErrors() throws Exception {
		this.mvc.perform(get("/articles/987654321/no-such-story")).andExpect(status().isNotFound());
		this.mvc.perform(get("/articles/987654321")).andExpect(status().isNotFound());
		this.mvc.perform(get("/articles/abc/some-story")).andExpect(status().isNotFound());
		this.mvc.perform(get("/articles/99999999999999999999999/x")).andExpect(status().isBadRequest());
	}

	@Test
	void postingToAnArticlePageIsNotAllowed() throws Exception {
		ArticleSummary story = publish("Rowing club repaints its boathouse", "NWS");
		this.mvc.perform(post(story.path())).andExpect(status().isMethodNotAllowed());
	}

	@Test
	void killedArticleIsGoneWithItsNotice() throws Exception {
		ArticleSummary story = publish("Parade route announced for Saturday", "NWS");
		this.publishing.kill(story.id(), "This story was withdrawn: the parade was not announced.", "ada");
		this.mvc.perform(get(story.path()))
			.andExpect(status().isGone())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(content().string(
					org.hamcrest.Matchers.containsString("This story was withdrawn: the parade was not announced.")))
			.andExpect(content().string(org.hamcrest.Matchers
				.not(org.hamcrest.Matchers.containsString("Parade route announced for Saturday</h1>"))));
	}

	@Test
	void aKilledStorysShortLinkAnswersGoneWithoutSpellingItsHeadline() throws Exception {
		ArticleSummary story = publish("Mayor resigns over harbour contract", "NWS");
		this.publishing.kill(story.id(), "This story was withdrawn: the mayor did not resign.", "ada");
		String answer = this.mvc.perform(get("/articles/" + story.id()))
			.andExpect(status().isGone())
			.andExpect(header().doesNotExist("Location"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(answer).contains("This story was withdrawn: the mayor did not resign.")
			.doesNotContain(story.slug())
			.doesNotContain("Mayor resigns");
	}

	private JsonNode jsonLd(String path) throws Exception {
		return this.json.readTree(Jsoup.parse(page(path)).select("script[type=application/ld+json]").html());
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private ArticleSummary publish(String headline, String source) {
		return TestStories.story()
			.slugline("Test-" + UUID.randomUUID().toString().substring(0, 8))
			.source(source)
			.urgency(Urgency.ROUTINE)
			.headline(headline)
			.paragraphs("The first paragraph.", "Traffic was light.")
			.ednote("Eds: first publication")
			.publish(this.publishing);
	}

}
