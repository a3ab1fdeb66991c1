package org.newswire.clients;

import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jsoup.Connection.KeyVal;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.newswire.PortalDates;
import org.newswire.RenderedForm;
import org.newswire.audit.AuditLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newswire.DeskFixtures.asAdmin;
import static org.newswire.DeskFixtures.asEditor;
import static org.newswire.DeskFixtures.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Admins create wire clients, change them, issue keys that are shown once and revoke them
 * through the desk's forms; every change is in the audit log.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeskClientsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	ClientAccounts accounts;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	ClientRegistry registry;

	@Autowired
	PortalDates dates;

	@Test
	void anAdminCreatesAClientAndReadsBackWhatWasTyped() throws Exception {
		String name = unique("Harbour Daily «Süd»");
		RenderedForm form = RenderedForm.on(this.mvc, asAdmin(get("/desk/clients")), "/desk/clients")
			.type("name", name)
			.type("contact", "Ada Lovelace <desk@harbour.example>, +44 20 7946 0000")
			.type("requestsPerMinute", "300");
		tick(form, "input[name=sections][value=world]");
		tick(form, "input[name=sections][value=technology]");
		tick(form, "input[name=embargoAhead]");
		// Only the ticked sections repeat a name: Spring's markers come once each.
		assertThat(form.data().stream().map(KeyVal::key).filter((key) -> !key.equals("sections")))
			.doesNotHaveDuplicates();
		String page = this.mvc.perform(asAdmin(form.request()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		RenderedForm shown = RenderedForm.on(this.mvc, asAdmin(get(page)), page);
		assertShows(shown.page(), name, "Ada Lovelace <desk@harbour.example>, +44 20 7946 0000", "300",
				List.of("world", "technology"));
		assertThat(shown.page().select("input[name=embargoAhead][checked]")).hasSize(1);
		assertThat(AuditLog.newest(this.context, 10)).anySatisfy((entry) -> {
			assertThat(entry.action()).isEqualTo("CLIENT_CREATED");
			assertThat(entry.editor()).isEqualTo("chief");
			assertThat(entry.details())
				.isEqualTo(name + ": sections technology, world; embargoed ahead; 300 requests a minute");
		});
	}

	@Test
	void theListReadsEveryClientsSectionsWithTheClients() throws Exception {
		String first = unique("Listed Wire");
		String second = unique("Listed Radio");
		this.accounts.create(new ClientAccounts.NewClient(first, "ops@listed.example", Set.of("world"), false, 60),
				"chief");
		this.accounts.create(
				new ClientAccounts.NewClient(second, "ops@listed.example", Set.of("business", "technology"), false, 60),
				"chief");
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		statistics.setStatisticsEnabled(true);
		try {
			Document list = RenderedForm.page(this.mvc, asAdmin(get("/desk/clients")));
			assertThat(statistics.getCollectionStatistics(ApiClient.class.getName() + ".sections").getFetchCount())
				.as("queries for the sections of single clients")
				.isZero();
			assertThat(list.select("tbody tr:contains(" + second + ") td").get(1).text())
				.isEqualTo("business, technology");
			assertThat(list.select("tbody tr:contains(" + first + ") td").get(1).text()).isEqualTo("world");
		}
		finally {
			statistics.setStatisticsEnabled(false);
		}
	}

	@Test
	void aKeyIsShownOnceAndRevokedWithItsButton() throws Exception {
		String page = created(unique("Coast Radio"));
		MvcResult issued = this.mvc
			.perform(asAdmin(RenderedForm.on(this.mvc, asAdmin(get(page)), page + "/keys").request()))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(issued.getResponse().getHeader("Cache-Control")).contains("no-store");
		Document answer = RenderedForm.page(this.mvc, asAdmin(get(page)));
		Document withKey = org.jsoup.Jsoup.parse(issued.getResponse().getContentAsString());
		String key = withKey.getElementById("issued-key").text();
		String keyId = withKey.select("table code").first().text();
		assertThat(key).startsWith("nwk_" + keyId + "_");
		assertThat(answer.getElementById("issued-key")).isNull();
		assertThat(answer.outerHtml()).doesNotContain(key);
		this.mvc.perform(get("/api/v1/account").header("X-Api-Key", key)).andExpect(status().isOk());

		RenderedForm revoke = RenderedForm.on(this.mvc, asAdmin(get(page)), page + "/keys/" + keyId + "/revoke");
		assertThat(revoke.page().select("form[action$=/revoke] button").attr("aria-label"))
			.isEqualTo("Revoke key " + keyId);
		this.mvc.perform(asAdmin(revoke.request())).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/api/v1/account").header("X-Api-Key", key)).andExpect(status().isUnauthorized());
		Element row = RenderedForm.page(this.mvc, asAdmin(get(page))).select("tbody tr").first();
		assertThat(row.select("td").get(4).text()).startsWith("Revoked ").endsWith(" by chief");
		assertThat(row.select("form")).isEmpty();
		assertThat(AuditLog.newest(this.context, 10)).extracting(AuditLog.Entry::action)
			.contains("KEY_ISSUED", "KEY_REVOKED");
	}

	@Test
	void badInputComesBackWithAMessageAndWhatWasTyped() throws Exception {
		String taken = unique("Taken Wire");
		created(taken);
		RenderedForm form = RenderedForm.on(this.mvc, asAdmin(get("/desk/clients")), "/desk/clients")
			.type("name", taken)
			.type("contact", "")
			.type("requestsPerMinute", "-5");
		Document refused = RenderedForm.page(this.mvc, asAdmin(form.request()));
		assertThat(refused.getElementById("name-error").text()).isEqualTo("Another client has this name.");
		assertThat(refused.getElementById("name").val()).isEqualTo(taken);
		assertThat(refused.getElementById("contact-error").text()).isEqualTo("Fill in this field.");
		assertThat(refused.getElementById("requestsPerMinute-error").text())
			.isEqualTo("Type a whole number of requests a minute, from 1 to 100000.");
		assertThat(refused.getElementById("requestsPerMinute").val()).isEqualTo("-5");

		String page = created(unique("Expiring Wire"));
		RenderedForm past = RenderedForm.on(this.mvc, asAdmin(get(page)), page + "/keys")
			.type("expiresAt", "2020-01-01T00:00:00");
		Document pastAnswer = RenderedForm.page(this.mvc, asAdmin(past.request()));
		assertThat(pastAnswer.getElementById("expiresAt-error").text()).startsWith("Choose a time after now");
		assertThat(pastAnswer.getElementById("expiresAt").val()).isEqualTo("2020-01-01T00:00:00");
		assertThat(pastAnswer.getElementById("issued-key")).isNull();
	}

	/**
	 * The form's {@code maxlength} is a courtesy a script posting to it skips: the server
	 * refuses a name longer than the registry keeps, and makes no client of it.
	 */
	@Test
	void aNamePastItsMaxlengthIsRefusedByTheServerToo() throws Exception {
		String overlong = unique("Overlong Wire ") + "x".repeat(100);
		RenderedForm form = RenderedForm.on(this.mvc, asAdmin(get("/desk/clients")), "/desk/clients");
		form.page().getElementById("name").removeAttr("maxlength");
		form.type("name", overlong).type("contact", "ops@example.org");
		Document refused = RenderedForm.page(this.mvc, asAdmin(form.request()));
		assertThat(refused.getElementById("name-error").text()).isEqualTo("Use at most 100 characters.");
		assertThat(refused.getElementById("name").val()).isEqualTo(overlong);
		assertThat(this.registry.findByName(overlong)).isEmpty();
	}

	/**
	 * A browser without a date picker shows a {@code datetime-local} field as a text box,
	 * where an admin can type anything: what is not a date and time comes back with the
	 * format and zone to use, and no key is issued.
	 */
	@Test
	void aKeyExpiryThatIsNoDateAndTimeIsRefusedWithTheFormatToUse() throws Exception {
		String page = created(unique("Timeless Wire"));
		RenderedForm form = RenderedForm.on(this.mvc, asAdmin(get(page)), page + "/keys");
		form.page().getElementById("expiresAt").attr("type", "text");
		form.type("expiresAt", "next Friday");
		Document refused = RenderedForm.page(this.mvc, asAdmin(form.request()));
		assertThat(refused.getElementById("expiresAt-error").text()).isEqualTo(
				"Type a date and time, e.g. 2026-11-26T09:05:00, in the " + this.dates.zoneName() + " time zone.");
		assertThat(refused.getElementById("expiresAt").val()).isEqualTo("next Friday");
		assertThat(refused.getElementById("issued-key")).isNull();
	}

	@Test
	void anAdminChangesAClientOnItsPageAndReadsBackTheChange() throws Exception {
		String name = unique("Changing Wire");
		String page = created(name);
		String renamed = unique("Changed Wire");
		RenderedForm form = RenderedForm.on(this.mvc, asAdmin(get(page)), page)
			.type("name", renamed)
			.type("contact", "night desk <night@changed.example>")
			.type("requestsPerMinute", "120");
		tick(form, "input[name=sections][value=business]");
		MvcResult saved = this.mvc.perform(asAdmin(form.request())).andExpect(status().is3xxRedirection()).andReturn();
		assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo(page);

		assertThat(saved.getFlashMap().get("changed")).isEqualTo(true);
		Document shown = RenderedForm.page(this.mvc, asAdmin(get(page)));
		assertShows(shown, renamed, "night desk <night@changed.example>", "120", List.of("business"));
		assertThat(AuditLog.newest(this.context, 10)).anySatisfy((entry) -> {
			assertThat(entry.action()).isEqualTo("CLIENT_CHANGED");
			assertThat(entry.details())
				.isEqualTo(renamed + ": sections business; no embargoed stories ahead; 120 requests a minute");
		});
	}

	@Test
	void aChangeWithInvisibleCharactersComesBackWithWhatWasTyped() throws Exception {
		String name = unique("Kept Wire");
		String page = created(name);
		RenderedForm form = RenderedForm.on(this.mvc, asAdmin(get(page)), page)
			.type("contact", "desk\u202E@kept.example");
		Document refused = RenderedForm.page(this.mvc, asAdmin(form.request()));
		assertThat(refused.getElementById("contact-error").text())
			.isEqualTo("Use visible text only, without line breaks or control characters.");
		assertThat(refused.getElementById("contact").val()).isEqualTo("desk\u202E@kept.example");
		assertThat(RenderedForm.page(this.mvc, asAdmin(get(page))).getElementById("contact").val())
			.isEqualTo("ops@example.org");
	}

	@Test
	void anUnknownSectionOrADoubledFieldIsRefused() throws Exception {
		RenderedForm form = RenderedForm.on(this.mvc, asAdmin(get("/desk/clients")), "/desk/clients")
			.type("name", unique("Crafted"))
			.type("contact", "x@example.org");
		Document unknown = RenderedForm.page(this.mvc, asAdmin(form.request().param("sections", "nowhere")));
		assertThat(unknown.getElementById("sections-error").text()).isEqualTo("Choose among the sections listed.");
		// The error summary's link lands on the checkboxes' fieldset.
		assertThat(unknown.select("#error-summary a[href=#sections]")).hasSize(1);
		assertThat(unknown.getElementById("sections").tagName()).isEqualTo("fieldset");
		Document doubled = RenderedForm.page(this.mvc, asAdmin(form.request().param("name", "Second")));
		assertThat(doubled.getElementById("name-error").text()).startsWith("This field arrived 2 times");
	}

	@Test
	void editorsWhoAreNotAdminsAreRefused() throws Exception {
		this.mvc.perform(asEditor(get("/desk/clients"), "reporter")).andExpect(status().isForbidden());
		this.mvc.perform(asEditor(get("/desk/clients/1"), "reporter")).andExpect(status().isForbidden());
		this.mvc.perform(asAdmin(get("/desk/clients/999999"))).andExpect(status().isNotFound());
	}

	private String created(String name) throws Exception {
		RenderedForm form = RenderedForm.on(this.mvc, asAdmin(get("/desk/clients")), "/desk/clients")
			.type("name", name)
			.type("contact", "ops@example.org");
		return this.mvc.perform(asAdmin(form.request()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	private static void tick(RenderedForm form, String checkbox) {
		assertThat(form.page().select(checkbox)).as(checkbox).hasSize(1);
		form.page().select(checkbox).attr("checked", "checked");
	}

	/**
	 * The client's page shows exactly what was typed and ticked.
	 */
	private static void assertShows(Document page, String name, String contact, String requestsPerMinute,
			List<String> sections) {
		assertThat(page.getElementById("name").val()).isEqualTo(name);
		assertThat(page.getElementById("contact").val()).isEqualTo(contact);
		assertThat(page.getElementById("requestsPerMinute").val()).isEqualTo(requestsPerMinute);
		assertThat(page.select("input[name=sections][checked]").eachAttr("value")).isEqualTo(sections);
	}

}
