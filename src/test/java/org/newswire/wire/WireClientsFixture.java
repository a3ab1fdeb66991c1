package org.newswire.wire;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import org.newswire.clients.ClientAccounts;

import org.springframework.mock.web.MockAsyncContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.request.async.WebAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A wire client of the tests: a real client and key from {@link ClientAccounts}, and the
 * feed requests it sends through MockMvc, long polls included.
 */
final class WireClientsFixture {

	static final ObjectMapper JSON = new ObjectMapper();

	private final MockMvc mvc;

	private final ClientAccounts accounts;

	WireClientsFixture(MockMvc mvc, ClientAccounts accounts) {
		this.mvc = mvc;
		this.accounts = accounts;
	}

	/** A client's key, a rate limit no test reaches. */
	Client client(boolean embargoAhead, String... sections) {
		return client(embargoAhead, 100_000, sections);
	}

	Client client(boolean embargoAhead, int requestsPerMinute, String... sections) {
		long id = this.accounts.create(new ClientAccounts.NewClient("Wire test " + UUID.randomUUID(),
				"desk@client.example", Set.of(sections), embargoAhead, requestsPerMinute), "chief");
		return new Client(id, this.accounts.issueKey(id, null, "chief").key());
	}

	record Client(long id, String key) {
	}

	MockHttpServletRequestBuilder feedRequest(Client client, String query) {
		return get(URI.create("/api/v1/feed?" + query)).header("Authorization", "Bearer " + client.key());
	}

	/**
	 * Sends a feed request; one that waits is answered by its timeout, as the servlet
	 * container would after the long poll.
	 */
	MvcResult feed(Client client, String query) throws Exception {
		MvcResult started = this.mvc.perform(feedRequest(client, query)).andReturn();
		if (!started.getRequest().isAsyncStarted()) {
			return started;
		}
		if (!WebAsyncUtils.getAsyncManager(started.getRequest()).hasConcurrentResult()) {
			timeOut(started);
		}
		started.getAsyncResult(Duration.ofSeconds(5).toMillis());
		return this.mvc.perform(asyncDispatch(started)).andReturn();
	}

	JsonNode page(Client client, String query) throws Exception {
		MvcResult result = feed(client, query);
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
		return JSON.readTree(result.getResponse().getContentAsByteArray());
	}

	/** The cursor at the end of the record now: a long poll that timed out. */
	String end(Client client) throws Exception {
		return page(client, "limit=500&since=2999-01-01T00:00:00Z").get("next_page").asText();
	}

	static void timeOut(MvcResult started) throws Exception {
		MockAsyncContext context = (MockAsyncContext) started.getRequest().getAsyncContext();
		for (AsyncListener listener : context.getListeners()) {
			listener.onTimeout(new AsyncEvent(context));
		}
	}

	/** Each entry as "change version pubstatus". */
	static List<String> changes(JsonNode page) {
		List<String> changes = new ArrayList<>();
		page.get("entries")
			.forEach((entry) -> changes.add(entry.get("change").asText() + " "
					+ entry.get("item").get("version").asText() + " " + entry.get("item").get("pubstatus").asText()));
		return changes;
	}

}
