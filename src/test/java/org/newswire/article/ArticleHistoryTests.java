package org.newswire.article;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newswire.RenderedForm;
import org.newswire.TestStories;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The reader's view of a story's versions: a story first published, given a new lead,
 * then corrected.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ArticleHistoryTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Publishing publishing;

	private String path;

	@BeforeEach
	void publishAStoryWithThreeVersions() {
		ArticleSummary first = TestStories.story()
			.section("science")
			.slugline("Comet-Lantern")
			.dateline("KESTREL POINT, Nov. 26 (Newswire) --")
			.byline("By Imre Valo")
			.urgency(Urgency.ROUTINE)
			.headline("Observatory spots bright comet")
			.paragraphs("Astronomers at the hill observatory spotted a bright comet on Tuesday night.",
					"It should be visible without a telescope next week.")
			.ednote("Eds: first publication")
			.editor("imre.desk")
			.publish(this.publishing);
		long id = first.id();
		TestStories.writethru(WritethruKind.LD_WRITETHRU)
			.headline("Bright comet to light up skies next week")
			.paragraphs("A comet spotted on Tuesday night will light up skies next week, astronomers said.",
					"It should be visible without a telescope next week.",
					"The observatory opens its roof terrace to visitors.")
			.ednote("Eds: UPDATES with viewing advice")
			.byline("By Imre Valo")
			.urgency(Urgency.ROUTINE)
			.editor("imre.desk")
			.post(this.publishing, id, 1);
		ArticleSummary third = TestStories.writethru(WritethruKind.CORRECTS)
			.headline("Bright comet to light up skies next week")
			.paragraphs("A comet spotted on Monday night will light up skies next week, astronomers said.",
					"It should be visible without a telescope next week.",
					"The observatory opens its roof terrace to visitors.")
			.ednote("Eds: CORRECTS day of discovery")
			.correctionNote("Corrects day of discovery to Monday, not Tuesday.")
			.byline("By Imre Valo")
			.urgency(Urgency.ROUTINE)
			.editor("imre.desk")
			.post(this.publishing, id, 2);
		this.path = third.path();
	}

	@Test
	void versionsPageListsEveryWritethruWithoutTheEditor() throws Exception {
		this.mvc.perform(get(this.path + "/versions"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, startsWith("public")))
			.andExpect(content().string(allOf(containsString("First publication"), containsString("LD Writethru"),
					containsString("Correction: Bright comet to light up skies next week"),
					containsString("Eds: UPDATES with viewing advice"),
					containsString("Corrects day of discovery to Monday, not Tuesday."),
					containsString("<time datetime=\""), containsString("href=\"" + this.path + "/versions/1\""),
					containsString("href=\"" + this.path + "/compare?from=2&amp;to=3\""), containsString("(current)"),
					not(containsString("imre.desk")))));
	}

	@Test
	void anOldVersionIsShownAsPublishedAndMarkedSuperseded() throws Exception {
		this.mvc.perform(get(this.path + "/versions/1"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h1>Observatory spots bright comet</h1>"),
					containsString("This version was superseded by Correction at"),
					containsString("href=\"" + this.path + "\""),
					containsString("spotted a bright comet on Tuesday night."), containsString("Endi"),
					containsString("Eds: first publication"), not(containsString("imre.desk")))));
	}

	@Test
	void theCurrentVersionSaysItIsCurrentAndShowsItsCorrection() throws Exception {
		this.mvc.perform(get(this.path + "/versions/3"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("This is the current version of the story."),
					not(containsString("superseded")),
					containsString("Corrects day of discovery to Monday, not Tuesday."),
					containsString("KESTREL POINT, Nov. 26 (Newswire) --"))));
	}

	@Test
	void compareShowsWordByWordChangesAndTheNotesOfTheLaterVersion() throws Exception {
		this.mvc.perform(compareForm(this.path).choose("from", "1").choose("to", "3").request())
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(
					containsString("[deleted: </span>Observatory spots bright<span class=\"visually-hidden\">]</span>"
							+ "</del><ins><span class=\"visually-hidden\">[inserted: </span>Bright<"),
					containsString("on <del><span class=\"visually-hidden\">[deleted: </span>Tuesday"),
					containsString("<ins><span class=\"visually-hidden\">[inserted: </span>Monday"),
					containsString("<p><ins><span class=\"visually-hidden\">[inserted: </span>"
							+ "The observatory opens its roof terrace to visitors."),
					containsString("Corrects day of discovery to Monday, not Tuesday."),
					containsString("How changes are marked"))));
	}

	@Test
	void compareAcceptsEitherOrder() throws Exception {
		this.mvc.perform(compareForm(this.path).choose("from", "3").choose("to", "2").request())
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("[deleted: </span>Monday")));
	}

	@Test
	void badCompareParametersGetAClearBadRequestPage() throws Exception {
		this.mvc.perform(compareForm(this.path).choose("from", "2").choose("to", "2").request())
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose two different versions")));
		// Hand-built: what the form cannot send, a version missing, unknown or
		// unreadable.
		this.mvc.perform(get(this.path + "/compare"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose two versions")));
		this.mvc.perform(get(this.path + "/compare").param("from", "1"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose two versions")));
		this.mvc.perform(get(this.path + "/compare").param("from", "1").param("to", "4"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("This story has versions 1 to 3.")));
		this.mvc.perform(get(this.path + "/compare").param("from", "0").param("to", "2"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get(this.path + "/compare").param("from", "one").param("to", "2"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Versions not understood")));
		this.mvc.perform(get(this.path + "/compare").param("from", "99999999999").param("to", "2"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void unknownStoriesAndVersionsAreNotFound() throws Exception {
		// The site's error pages themselves are checked against the running server in
		// ReaderBrowserTest.
		this.mvc.perform(get("/articles/987654321/no-such-story/versions")).andExpect(status().isNotFound());
		this.mvc.perform(get(this.path + "/versions/4")).andExpect(status().isNotFound());
		this.mvc.perform(get(this.path + "/versions/0")).andExpect(status().isNotFound());
		this.mvc.perform(get(this.path + "/versions/two")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/articles/x/some-slug/versions")).andExpect(status().isBadRequest());
	}

	@Test
	void aWrongSlugRedirectsPermanentlyToTheCanonicalAddress() throws Exception {
		// Hand-built: an old link, from before the headline changed.
		String wrong = this.path.substring(0, this.path.lastIndexOf('/')) + "/old-slug";
		this.mvc.perform(get(wrong + "/versions"))
			.andExpect(status().isMovedPermanently())
			.andExpect(header().string(HttpHeaders.LOCATION, this.path + "/versions"));
		this.mvc.perform(get(wrong + "/versions/2"))
			.andExpect(status().isMovedPermanently())
			.andExpect(header().string(HttpHeaders.LOCATION, this.path + "/versions/2"));
		this.mvc.perform(get(wrong + "/compare").param("from", "1").param("to", "2"))
			.andExpect(status().isMovedPermanently())
			.andExpect(header().string(HttpHeaders.LOCATION, this.path + "/compare?from=1&to=2"));
	}

	@Test
	void aClientWithTheCurrentCopyGetsNotModified() throws Exception {
		String etag = this.mvc.perform(get(this.path + "/versions"))
			.andReturn()
			.getResponse()
			.getHeader(HttpHeaders.ETAG);
		this.mvc.perform(get(this.path + "/versions").header(HttpHeaders.IF_NONE_MATCH, etag))
			.andExpect(status().isNotModified());
	}

	@Test
	void aKilledStoryTakesItsHistoryWithIt() throws Exception {
		long id = Long.parseLong(this.path.split("/")[2]);
		this.publishing.kill(id, "This story was withdrawn: the comet was a satellite flare.", "imre.desk");

		for (String page : List.of("/versions", "/versions/1", "/compare?from=1&to=2")) {
			this.mvc.perform(get(this.path + page))
				.andExpect(status().isGone())
				.andExpect(content().string(allOf(containsString("This story has been withdrawn"),
						containsString("the comet was a satellite flare."), not(containsString("Tuesday night")))));
		}
	}

	@Test
	void textInDiffsIsEscaped() throws Exception {
		ArticleSummary story = TestStories.story()
			.section("technology")
			.slugline("Markup")
			.source("HBR")
			.dateline("PORT ELLIS, Nov. 26 (Harbour Press) --")
			.byline(null)
			.urgency(Urgency.ROUTINE)
			.headline("Forum claims")
			.paragraphs("A post read quietly.")
			.publish(this.publishing);
		ArticleSummary next = TestStories.writethru(WritethruKind.WRITETHRU)
			.headline("Forum <script>alert(1)</script> claims")
			.paragraphs("A post read <img src=x onerror=alert(2)>.")
			.ednote("Eds: & more")
			.byline(null)
			.urgency(Urgency.ROUTINE)
			.post(this.publishing, story.id(), 1);

		this.mvc.perform(compareForm(next.path()).choose("from", "1").choose("to", "2").request())
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"),
					containsString("&lt;img src=x onerror=alert(2)&gt;"), containsString("Eds: &amp; more"),
					not(containsString("<script>alert")), not(containsString("<img src=x")))));
	}

	/**
	 * The story's versions page and its form to compare any two of them.
	 */
	private RenderedForm compareForm(String path) throws Exception {
		String page = this.mvc.perform(get(path + "/versions"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return RenderedForm.of(page, path + "/compare");
	}

}
