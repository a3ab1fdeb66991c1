package org.newswire.push;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import com.standardwebhooks.Webhook;
import org.jsoup.Connection.KeyVal;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.newswire.DeskFixtures;
import org.newswire.NewswireProperties;
import org.newswire.NuHtmlChecker;
import org.newswire.RenderedForm;
import org.newswire.TestStories;
import org.newswire.article.Publishing;
import org.newswire.clients.ClientAccounts;
import org.newswire.items.ItemFormat;
import org.newswire.wire.ChangeEntries;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;
import static org.newswire.DeskFixtures.asAdmin;
import static org.newswire.DeskFixtures.asEditor;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Admins manage a client's webhook endpoints on the desk, through the forms as rendered;
 * every step is audited, and every page is valid HTML.
 */
@PushReceivers
class PushDeskTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Endpoints endpoints;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ClientAccounts clients;

	@Autowired
	Publishing publishing;

	@Autowired
	NewswireProperties properties;

	@Test
	void anAdminAddsTestsChangesRotatesAndRemovesAnEndpoint() throws Exception {
		long client = PushFixtures.client(this.clients, "world");
		String list = "/desk/clients/" + client + "/endpoints";
		try (Receiver receiver = new Receiver()) {
			RenderedForm add = RenderedForm.on(this.mvc, asAdmin(get(list + "/new")), list + "/new");
			NuHtmlChecker.assertValid("new endpoint", add.page().outerHtml());
			assertThat(add.data().stream().map(KeyVal::key).filter((key) -> !key.equals("changes")))
				.doesNotHaveDuplicates();
			Document refused = RenderedForm
				.page(this.mvc.perform(asAdmin(add.type("url", "https://169.254.169.254/latest/meta-data").request())));
			assertThat(refused.getElementById("url-error").text())
				.isEqualTo("Host 169.254.169.254 resolves to 169.254.169.254, a cloud metadata address: "
						+ "pushes go to public addresses only");
			NuHtmlChecker.assertValid("new endpoint with errors", refused.outerHtml());

			Document shown = RenderedForm.page(this.mvc,
					asAdmin(add.type("url", receiver.url().toString()).choose("format", "NINJS_3").request()));
			NuHtmlChecker.assertValid("endpoint secret", shown.outerHtml());
			String secret = shown.getElementById("secret").text();
			Endpoint created = this.endpoints.of(client).get(0);
			assertThat(created.url()).isEqualTo(receiver.url());
			assertThat(List.copyOf(created.changes())).isEqualTo(ChangeEntries.NAMES);
			assertThat(created.format()).isEqualTo(ItemFormat.NINJS_3);
			assertThat(created.secret()).isEqualTo(secret);

			String page = list + "/" + created.id();
			RenderedForm change = RenderedForm.on(this.mvc, asAdmin(get(page)), page);
			NuHtmlChecker.assertValid("endpoint", change.page().outerHtml());
			URI moved = URI.create(receiver.url() + "/moved");
			this.mvc.perform(asAdmin(change.type("url", moved.toString()).choose("format", "NEWSML_G2").request()))
				.andExpect(redirectedUrl(page));
			Endpoint changed = this.endpoints.require(created.id());
			assertThat(changed.url()).isEqualTo(moved);
			assertThat(changed.format()).isEqualTo(ItemFormat.NEWSML_G2);

			this.mvc.perform(asAdmin(RenderedForm.on(this.mvc, asAdmin(get(page)), page + "/test").request()))
				.andExpect(redirectedUrl(page));
			await().atMost(Duration.ofSeconds(5)).until(() -> receiver.requests().size() == 1);
			Receiver.Request test = receiver.requests().get(0);
			assertThatNoException().isThrownBy(() -> new Webhook(secret).verify(test.body(), test.headers()));
			await().atMost(Duration.ofSeconds(5))
				.until(() -> "DELIVERED".equals(this.jdbc.queryForObject(
						"select status from push_delivery where endpoint_id = ?", String.class, created.id())));
			Document log = RenderedForm.page(this.mvc, asAdmin(get(page)));
			NuHtmlChecker.assertValid("endpoint with its log", log.outerHtml());
			assertThat(log.select("tbody tr td").stream().map(Element::text).limit(5)).containsExactly("test", "1",
					"Delivered", "", "200 answered 200");

			Document rotated = RenderedForm.page(this.mvc,
					asAdmin(RenderedForm.on(this.mvc, asAdmin(get(page)), page + "/rotate").request()));
			assertThat(rotated.getElementById("secret").text()).startsWith("whsec_").isNotEqualTo(secret);

			this.mvc.perform(asAdmin(RenderedForm.on(this.mvc, asAdmin(get(page)), page + "/remove").request()))
				.andExpect(redirectedUrl(list));
			assertThat(this.endpoints.of(client)).isEmpty();
			assertThat(this.jdbc.queryForObject("select count(*) from push_delivery where endpoint_id = ?",
					Integer.class, created.id()))
				.isZero();
			NuHtmlChecker.assertValid("endpoints", RenderedForm.page(this.mvc, asAdmin(get(list))).outerHtml());
			assertThat(this.jdbc.queryForList("select action from audit_entry where details like ? order by id",
					String.class, "client " + client + ", endpoint " + created.id() + ":%"))
				.isEqualTo(
						List.of("ENDPOINT_CREATED", "ENDPOINT_CHANGED", "ENDPOINT_SECRET_ROTATED", "ENDPOINT_REMOVED"));
		}
	}

	/**
	 * A changed URL that does not parse, here with a space typed into the host, comes
	 * back on the endpoint's page with what was typed and how a URL looks; the endpoint
	 * keeps sending to its old URL.
	 */
	@Test
	void aChangedUrlThatDoesNotParseComesBackAndTheEndpointKeepsItsUrl() throws Exception {
		long client = PushFixtures.client(this.clients, "world");
		try (Receiver receiver = new Receiver()) {
			long id = this.endpoints.create(client, receiver.url(), Set.of("published"), ItemFormat.NINJS_2, "chief")
				.id();
			String page = "/desk/clients/" + client + "/endpoints/" + id;
			RenderedForm change = RenderedForm.on(this.mvc, asAdmin(get(page)), page)
				.type("url", "https://hooks example.com/newswire");
			Document refused = RenderedForm.page(this.mvc, asAdmin(change.request()));
			assertThat(refused.getElementById("url-error").text())
				.isEqualTo("Enter a URL such as https://hooks.example.com/newswire.");
			assertThat(refused.getElementById("url").val()).isEqualTo("https://hooks example.com/newswire");
			NuHtmlChecker.assertValid("endpoint with a URL refused", refused.outerHtml());
			assertThat(this.endpoints.require(id).url()).isEqualTo(receiver.url());
		}
	}

	@Test
	void redeliverAndReplaySendTheSameMessagesAgainAfterThePendingOnes() throws Exception {
		long client = PushFixtures.client(this.clients, "world");
		try (Receiver receiver = new Receiver()) {
			long endpoint = this.endpoints
				.create(client, receiver.url(), Set.of("published"), ItemFormat.NINJS_2, "chief")
				.id();
			ZoneId zone = this.properties.timeZone();
			String from = LocalDateTime.now(zone).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS).toString();
			TestStories.story().slugline(DeskFixtures.unique("Replay")).publish(this.publishing);
			TestStories.story().slugline(DeskFixtures.unique("Replay")).publish(this.publishing);
			await().atMost(Duration.ofSeconds(5)).until(() -> receiver.requests().size() == 2);
			List<String> sent = ids(receiver);

			String page = "/desk/clients/" + client + "/endpoints/" + endpoint;
			Document log = RenderedForm.page(this.mvc, asAdmin(get(page)));
			String oldest = log.select("tbody tr").last().selectFirst("form").attr("action");
			this.mvc.perform(asAdmin(RenderedForm.of(log.outerHtml(), oldest).request()))
				.andExpect(redirectedUrl(page));
			await().atMost(Duration.ofSeconds(5)).until(() -> receiver.requests().size() == 3);
			this.mvc
				.perform(asAdmin(
						RenderedForm.on(this.mvc, asAdmin(get(page)), page + "/replay").type("from", from).request()))
				.andExpect(redirectedUrl(page));
			await().atMost(Duration.ofSeconds(5)).until(() -> receiver.requests().size() == 5);

			assertThat(ids(receiver))
				.isEqualTo(List.of(sent.get(0), sent.get(1), sent.get(0), sent.get(0), sent.get(1)));
			assertThat(this.jdbc.queryForList("select details from audit_entry where action = 'DELIVERIES_REPLAYED' "
					+ "and details like ? order by id", String.class, "client " + client + ",%"))
				.isEqualTo(List.of("client " + client + ", endpoint " + endpoint + ": sent " + sent.get(0) + " again",
						"client " + client + ", endpoint " + endpoint + ": 2 changes from " + from + " (" + zone
								+ ")"));
		}
	}

	private static List<String> ids(Receiver receiver) {
		return receiver.requests().stream().map((request) -> request.header("webhook-id")).toList();
	}

	@Test
	void onlyAdminsSeeEndpointsAndAnUnknownClientIsNotFound() throws Exception {
		long client = PushFixtures.client(this.clients, "world");
		this.mvc.perform(asEditor(get("/desk/clients/" + client + "/endpoints"), "ada"))
			.andExpect(status().isForbidden());
		this.mvc.perform(asAdmin(get("/desk/clients/" + (client + 1000) + "/endpoints")))
			.andExpect(status().isNotFound());
	}

}
