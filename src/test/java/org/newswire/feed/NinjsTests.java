package org.newswire.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.newswire.SettableClock;
import org.newswire.TestStories;
import org.newswire.article.Paths;
import org.newswire.article.Publishing;
import org.newswire.article.WritethruKind;
import org.newswire.items.ItemFormat;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * ninjs output checked against the IPTC ninjs 2.2 schema and field by field.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NinjsTests {

	/**
	 * Jackson 2, as the schema validator reads it; the app itself writes with Jackson 3.
	 */
	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	MockMvc mvc;

	@Autowired
	Publishing publishing;

	@Autowired
	SettableClock clock;

	@Test
	void everyVersionIsAValidNinjsItemWithTheSameUri() throws Exception {
		Instant filed = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
		Instant corrected = filed.plus(Duration.ofMinutes(40));
		long id = this.clock
			.callAt(filed,
					() -> TestStories.story()
						.section("world")
						.headline("Harbour pier closes for repairs")
						.publish(this.publishing))
			.id();
		this.clock.runAt(corrected, () -> this.publishing.postWritethru(id, 1,
				TestStories.writethru(WritethruKind.CORRECTS).headline("Harbour pier reopens after repairs").draft(),
				"bob"));

		JsonNode first = valid("/api/ninjs/articles/" + id + "/versions/1");
		JsonNode second = valid("/api/ninjs/articles/" + id + "/versions/2");
		JsonNode current = valid("/api/ninjs/articles/" + id);

		assertThat(first.get("uri").asText()).isEqualTo("tag:newswire,2026:article:" + id)
			.isEqualTo(second.get("uri").asText())
			.isEqualTo(current.get("uri").asText());
		assertThat(first.get("version").isTextual()).isTrue();
		assertThat(first.get("version").asText()).isEqualTo("1");
		assertThat(second.get("version").asText()).isEqualTo("2");
		assertThat(current).isEqualTo(second);
		assertThat(first.get("type").asText()).isEqualTo("text");
		assertThat(first.get("pubstatus").asText()).isEqualTo("usable");
		assertThat(first.get("firstcreated").asText()).isEqualTo(filed.toString())
			.isEqualTo(second.get("firstcreated").asText());
		assertThat(first.get("versioncreated").asText()).isEqualTo(filed.toString());
		assertThat(second.get("versioncreated").asText()).isEqualTo(corrected.toString());
		assertThat(first.get("urgency").isNumber()).isTrue();
		assertThat(first.get("urgency").asInt()).isEqualTo(3);
		assertThat(first.get("language").asText()).isEqualTo("en");
		assertThat(first.get("slugline").asText()).isEqualTo("Harbour-Test");
		assertThat(first.get("located").asText()).isEqualTo("PORT ELLIS");
		assertThat(first.get("by").asText()).isEqualTo("By Ada Quill");
		assertThat(first.has("ednote")).isFalse();
		assertThat(second.get("ednote").asText()).isEqualTo("Eds: CORRECTS berth in paragraph 2");
		assertThat(second.at("/descriptions/0/role").asText()).isEqualTo("correction");
		assertThat(second.at("/descriptions/0/value").asText()).isEqualTo("An earlier version named the wrong berth.");
		assertThat(first.at("/headlines/0/role").asText()).isEqualTo("main");
		assertThat(first.at("/headlines/0/value").asText()).isEqualTo("Harbour pier closes for repairs");
		assertThat(first.get("headlines")).hasSize(1);
		assertThat(second.at("/headlines/1/value").asText())
			.isEqualTo("Correction: Harbour pier reopens after repairs");
		assertThat(first.at("/bodies/0/role").asText()).isEqualTo("main");
		assertThat(first.at("/bodies/0/contenttype").asText()).isEqualTo("text/html");
		assertThat(first.at("/bodies/0/value").asText())
			.isEqualTo("<p>The harbour master said the pier would reopen &lt;soon&gt; &amp; safely.</p>"
					+ "<p>Ferries will use the north berth meanwhile.</p>");
		assertThat(first.at("/bodies/0/wordcount").asInt()).isEqualTo(18);
		assertThat(first.at("/subjects/0/literal").asText()).isEqualTo("world");
		assertThat(first.at("/subjects/0/name").asText()).isEqualTo("World");
		assertThat(first.at("/infosources/0/name").asText()).isEqualTo("Newswire");
		assertThat(first.at("/standard/version").asText()).isEqualTo("2.2");
	}

	@Test
	void validInEveryStateAPublishedStoryPassesThrough() throws Exception {
		Instant filed = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
		long id = this.clock
			.callAt(filed,
					() -> TestStories.story()
						.section("world")
						.headline("Bridge inspection finds cracks")
						.publish(this.publishing))
			.id();
		String path = "/api/ninjs/articles/" + id;
		JsonNode usable = valid(path);
		assertThat(usable.get("pubstatus").asText()).isEqualTo("usable");
		assertThat(usable.get("version").asText()).isEqualTo("1");
		assertThat(usable.has("embargoed")).isFalse();

		Instant corrected = filed.plus(Duration.ofMinutes(10));
		this.clock.runAt(corrected, () -> TestStories.writethru(WritethruKind.CORRECTS).post(this.publishing, id, 1));
		JsonNode correction = valid(path);
		assertThat(correction.get("version").asText()).isEqualTo("2");
		assertThat(correction.get("versioncreated").asText()).isEqualTo(corrected.toString());
		assertThat(correction.at("/descriptions/0/value").asText())
			.isEqualTo("An earlier version named the wrong berth.");

		this.publishing.hold(id, "Figures are being checked.", "ada");
		for (String heldPath : List.of(path, path + "/versions/1", path + "/versions/2")) {
			JsonNode withheld = valid(heldPath);
			assertThat(withheld.get("pubstatus").asText()).isEqualTo("withheld");
			assertThat(withheld.get("representationtype").asText()).isEqualTo("partial");
			assertThat(withheld.has("bodies")).isFalse();
			assertThat(withheld.get("descriptions")).singleElement().satisfies((description) -> {
				assertThat(description.get("role").asText()).isEqualTo("hold");
				assertThat(description.get("value").asText()).isEqualTo("On hold: Figures are being checked.");
			});
			assertThat(withheld.at("/headlines/0/value").asText()).isNotBlank();
			assertThat(withheld.toString()).doesNotContain("harbour master").doesNotContain("pier reopened");
		}

		this.publishing.releaseHold(id, "ada");
		JsonNode released = valid(path);
		assertThat(released.get("pubstatus").asText()).isEqualTo("usable");
		assertThat(released.at("/bodies/0/value").asText()).contains("The pier reopened");

		this.publishing.kill(id, "Withdrawn: the inspection was of another bridge.", "ada");
		JsonNode canceled = valid(path);
		assertThat(canceled.get("pubstatus").asText()).isEqualTo("canceled");
		assertThat(canceled.get("version").asText()).isEqualTo("2");
	}

	/**
	 * The embargo release is not part of this class: the story is given what a lifted
	 * embargo leaves on the row (the lift time kept, no longer embargoed), as the release
	 * job writes it.
	 */
	@Test
	void aStoryOnceEmbargoedSaysWhenItsEmbargoLifted() throws Exception {
		Instant lifted = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
		// Filed an hour before with an embargo still ahead of the real time, so only the
		// desk's "Release now" at the pinned moment lifts it, not the release job.
		long id = this.clock.callAt(lifted.minus(Duration.ofHours(1)),
				() -> this.publishing.publish(
						TestStories.story().section("science").headline("Planetarium reopens after refit").draft(),
						Instant.now().plus(Duration.ofHours(1)), "ada"))
			.id();
		this.mvc.perform(get("/api/ninjs/articles/" + id)).andExpect(status().isNotFound());
		this.clock.runAt(lifted, () -> this.publishing.liftEmbargo(id, "ada"));

		JsonNode item = valid("/api/ninjs/articles/" + id);
		assertThat(item.get("embargoed").asText()).isEqualTo(lifted.toString());
		assertThat(item.get("pubstatus").asText()).isEqualTo("usable");
		assertThat(valid("/api/ninjs/articles/" + id + "/versions/1").get("embargoed").asText())
			.isEqualTo(lifted.toString());
	}

	@Test
	void servedAsJsonWithALinkToTheSchemaAndValidators() throws Exception {
		long id = TestStories.story().section("science").headline("Seabird count rises").publish(this.publishing).id();
		String etag = this.mvc.perform(get("/api/ninjs/articles/" + id))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(
					header().string("Link", "<" + ItemFormat.NINJS_2.schema().orElseThrow() + ">; rel=\"describedby\""))
			.andExpect(header().string("Cache-Control",
					"public, max-age=30, s-maxage=86400, stale-while-revalidate=60, stale-if-error=86400"))
			.andReturn()
			.getResponse()
			.getHeader("ETag");

		this.mvc.perform(get("/api/ninjs/articles/" + id).header("If-None-Match", etag))
			.andExpect(status().isNotModified());
		TestStories.writethru(WritethruKind.LD_WRITETHRU)
			.headline("Seabird count rises for a third year")
			.post(this.publishing, id, 1);
		this.mvc.perform(get("/api/ninjs/articles/" + id).header("If-None-Match", etag))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value("2"));
	}

	@Test
	void killedArticleIsCanceledWithTheNoticeAndItsVersionsAreGone() throws Exception {
		long id = TestStories.story()
			.section("culture")
			.headline("Museum opens new wing")
			.publish(this.publishing)
			.id();
		this.publishing.kill(id, "Withdrawn: the opening was postponed.", "ada");

		JsonNode killed = valid("/api/ninjs/articles/" + id);
		assertThat(killed.get("uri").asText()).isEqualTo("tag:newswire,2026:article:" + id);
		assertThat(killed.get("pubstatus").asText()).isEqualTo("canceled");
		assertThat(killed.get("ednote").asText()).isEqualTo("Withdrawn: the opening was postponed.");
		assertThat(killed.has("bodies")).isFalse();
		assertThat(killed.has("headlines")).isFalse();

		this.mvc.perform(get("/api/ninjs/articles/" + id + "/versions/1"))
			.andExpect(status().isGone())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(410))
			.andExpect(jsonPath("$.detail").value("Withdrawn: the opening was postponed."));
	}

	@Test
	void unknownArticlesAndVersionsAreNotFoundProblems() throws Exception {
		long id = TestStories.story()
			.section("sports")
			.headline("Rowing club names coach")
			.publish(this.publishing)
			.id();
		for (String path : List.of("/api/ninjs/articles/987654321", "/api/ninjs/articles/" + id + "/versions/2",
				"/api/ninjs/articles/" + id + "/versions/0", "/api/ninjs/articles/not-a-number",
				"/api/ninjs/articles/" + id + "/versions/x")) {
			this.mvc.perform(get(path))
				.andExpect(status().isNotFound())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.status").value(404));
		}
	}

	@Test
	void pollingListsWhatChangedSinceIncludingKills() throws Exception {
		// Now, not earlier: the shared test database holds other classes' recent stories.
		Instant since = Instant.now();
		long old = this.clock
			.callAt(since.minus(Duration.ofHours(1)),
					() -> TestStories.story().section("business").headline("Old toll story").publish(this.publishing))
			.id();
		long updated = this.clock.callAt(since.minus(Duration.ofHours(1)),
				() -> TestStories.story().section("business").headline("Port tolls to rise").publish(this.publishing))
			.id();
		TestStories.writethru(WritethruKind.LD_WRITETHRU)
			.headline("Port tolls rise confirmed")
			.post(this.publishing, updated, 1);
		long killed = TestStories.story()
			.section("business")
			.headline("Bank merger agreed")
			.publish(this.publishing)
			.id();
		this.publishing.kill(killed, "Withdrawn: the merger was not agreed.", "ada");

		String body = this.mvc.perform(get("/api/ninjs/articles").param("since", since.toString()))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonNode changes = JSON.readTree(body);

		assertThat(changes.get("truncated").asBoolean()).isFalse();
		assertThat(changes.get("items"))
			.allSatisfy((item) -> assertThat(NinjsSchema.validate(item.toString())).isEmpty());
		List<String> uris = changes.get("items").findValuesAsText("uri");
		assertThat(uris).contains(Paths.articleUri(updated), Paths.articleUri(killed))
			.doesNotContain(Paths.articleUri(old));
		for (JsonNode item : changes.get("items")) {
			if (item.get("uri").asText().equals(Paths.articleUri(killed))) {
				assertThat(item.get("pubstatus").asText()).isEqualTo("canceled");
			}
			if (item.get("uri").asText().equals(Paths.articleUri(updated))) {
				assertThat(item.get("version").asText()).isEqualTo("2");
				assertThat(item.get("pubstatus").asText()).isEqualTo("usable");
			}
		}
	}

	@Test
	void badOrMissingSinceIsABadRequestProblem() throws Exception {
		for (String since : List.of("yesterday", "2026-13-40T00:00:00Z", "", "9".repeat(200))) {
			this.mvc.perform(get("/api/ninjs/articles").param("since", since))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(
						jsonPath("$.detail").value("'since' must be an ISO 8601 instant such as 2026-11-26T09:00:00Z"));
		}
		this.mvc.perform(get("/api/ninjs/articles"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void theSchemaCheckRejectsWhatNinjsForbids() {
		assertThat(NinjsSchema.validate("{\"uri\":\"tag:newswire,2026:article:1\",\"version\":\"1\"}")).isEmpty();
		assertThat(NinjsSchema.validate("{\"uri\":\"tag:newswire,2026:article:1\",\"version\":1}")).isNotEmpty();
		assertThat(NinjsSchema.validate("{\"uri\":\"tag:newswire,2026:article:1\",\"pubstatus\":\"cancelled\"}"))
			.isNotEmpty();
		assertThat(NinjsSchema.validate("{\"uri\":\"tag:newswire,2026:article:1\",\"versioncreated\":\"today\"}"))
			.isNotEmpty();
		assertThat(NinjsSchema.validate("{\"uri\":\"tag:newswire,2026:article:1\",\"headline\":\"x\"}")).isNotEmpty();
		assertThat(NinjsSchema.validate("{\"version\":\"1\"}")).isNotEmpty();
	}

	private JsonNode valid(String path) throws Exception {
		String body = this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(NinjsSchema.validate(body)).as(body).isEmpty();
		return JSON.readTree(body);
	}

}
