package org.newswire.wire;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newswire.TestStories;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Publishing;
import org.newswire.article.WritethruKind;
import org.newswire.clients.ClientAccounts;
import org.newswire.wire.WireClientsFixture.Client;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newswire.wire.WireClientsFixture.JSON;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * One item with its validators, the feed lag a delivery records, and the OpenAPI document
 * of the machine API.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WireItemsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClientAccounts accounts;

	@Autowired
	Publishing publishing;

	@Autowired
	MeterRegistry meters;

	WireClientsFixture clients;

	@BeforeEach
	void clients() {
		this.clients = new WireClientsFixture(this.mvc, this.accounts);
	}

	@Test
	void anItemIsRevalidatedByItsEtagUntilItChanges() throws Exception {
		Client client = this.clients.client(false, "science");
		ArticleSummary story = TestStories.story()
			.section("science")
			.headline("Probe reaches the moon")
			.publish(this.publishing);

		MockHttpServletResponse first = item(client, story.id(), null, "format=ninjs3");
		assertThat(first.getStatus()).isEqualTo(200);
		String etag = first.getHeader("ETag");
		assertThat(etag).isEqualTo("\"1-usable-0-ninjs3\"");
		assertThat(item(client, story.id(), etag, "format=ninjs3").getStatus()).isEqualTo(304);
		assertThat(item(client, story.id(), etag, "format=newsml-g2").getStatus()).as("another format").isEqualTo(200);

		TestStories.writethru(WritethruKind.LD_WRITETHRU).post(this.publishing, story);
		MockHttpServletResponse changed = item(client, story.id(), etag, "format=ninjs3");
		assertThat(changed.getStatus()).isEqualTo(200);
		assertThat(changed.getHeader("ETag")).isEqualTo("\"2-usable-0-ninjs3\"");

		this.publishing.kill(story.id(), "Withdrawn: the probe is still on its way.", "ada");
		MockHttpServletResponse killed = item(client, story.id(), changed.getHeader("ETag"), "");
		assertThat(killed.getStatus()).isEqualTo(200);
		assertThat(JSON.readTree(killed.getContentAsByteArray()).get("pubstatus").asText()).isEqualTo("canceled");
	}

	@Test
	void aStoryOfAnotherSectionOrNoneIsNotFound() throws Exception {
		Client client = this.clients.client(false, "science");
		ArticleSummary other = TestStories.story().section("sports").publish(this.publishing);

		for (String id : new String[] { Long.toString(other.id()), "999999999", "abc" }) {
			MockHttpServletResponse response = this.mvc
				.perform(get("/api/v1/items/" + id).header("Authorization", "Bearer " + client.key()))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as(id).isEqualTo(404);
			assertThat(response.getContentType()).isEqualTo("application/problem+json");
		}
	}

	@Test
	void aDeliveryRecordsTheClientsFeedLag() throws Exception {
		Client client = this.clients.client(false, "culture");
		String cursor = this.clients.end(client);
		TestStories.story().section("culture").publish(this.publishing);

		this.clients.page(client, "cursor=" + cursor);

		Timer lag = this.meters.find("newswire.wire.feed.lag").tag("client", Long.toString(client.id())).timer();
		assertThat(lag).isNotNull();
		assertThat(lag.count()).isEqualTo(1);
	}

	@Test
	void theOpenApiDocumentDescribesThePublicApiInVersion31() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/api/openapi.json")).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		JsonNode api = JSON.readTree(response.getContentAsByteArray());
		assertThat(api.get("openapi").asText()).startsWith("3.1.");
		assertThat(names(api.get("paths"))).contains("/api/v1/feed", "/api/v1/items/{id}")
			.allMatch((path) -> path.startsWith("/api/"));
		JsonNode feed = api.get("paths").get("/api/v1/feed").get("get");
		assertThat(feed.get("parameters").findValuesAsText("name")).containsExactly("cursor", "since", "sections",
				"urgency", "limit", "format");
		assertThat(names(feed.get("responses"))).contains("200", "400", "403", "406", "410");
		assertThat(feed.get("security").findValues("key")).hasSize(1);
		assertThat(api.get("components").get("securitySchemes").get("keyHeader").get("name").asText())
			.isEqualTo("X-Api-Key");
	}

	private static List<String> names(JsonNode object) {
		List<String> names = new ArrayList<>();
		object.fieldNames().forEachRemaining(names::add);
		return names;
	}

	private MockHttpServletResponse item(Client client, long id, String ifNoneMatch, String query) throws Exception {
		var request = get("/api/v1/items/" + id + "?" + query).header("Authorization", "Bearer " + client.key());
		if (ifNoneMatch != null) {
			request.header("If-None-Match", ifNoneMatch);
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

}
