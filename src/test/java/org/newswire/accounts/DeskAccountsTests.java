package org.newswire.accounts;

import jakarta.servlet.http.Cookie;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.Test;
import org.newswire.DeskFixtures;
import org.newswire.RenderedForm;
import org.newswire.article.Publishing;
import org.newswire.audit.AuditLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.FormLoginRequestBuilder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.newswire.DeskFixtures.asAdmin;
import static org.newswire.DeskFixtures.unique;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Admins manage accounts through the desk, revoke the browsers an editor signed in from,
 * and read who did what in the audit log.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeskAccountsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	EditorAccounts accounts;

	@Autowired
	Publishing publishing;

	@Autowired
	ApplicationContext context;

	@Test
	void anAdminCreatesDisablesEnablesAndResetsAnAccount() throws Exception {
		String name = unique("reporter");
		this.mvc
			.perform(asAdmin(form("/desk/editors/new", "/desk/editors/new").type("username", name)
				.choose("role", "EDITOR")
				.type("password", "first password here")
				.request()))
			.andExpect(redirectedUrl("/desk/editors"));
		this.mvc.perform(signIn(name, "first password here")).andExpect(redirectedUrl("/desk"));
		Editor editor = this.accounts.findByUsername(name).orElseThrow();
		assertThat(editor.getUsername()).isEqualTo(name);
		assertThat(editor.getPasswordHash()).startsWith("{bcrypt}").doesNotContain("first password here");

		String row = "/desk/editors/" + editor.getId();
		this.mvc.perform(asAdmin(form("/desk/editors", row + "/disable").request()))
			.andExpect(redirectedUrl("/desk/editors"));
		this.mvc.perform(signIn(name, "first password here")).andExpect(redirectedUrl("/desk/login?error"));

		this.mvc.perform(asAdmin(form("/desk/editors", row + "/enable").request()))
			.andExpect(redirectedUrl("/desk/editors"));
		Document refused = page(
				asAdmin(form(row + "/password", row + "/password").type("password", "short").request()));
		assertThat(refused.getElementById("password-error").text())
			.isEqualTo("Use at least 12 and at most 128 characters.");
		this.mvc
			.perform(asAdmin(
					form(row + "/password", row + "/password").type("password", "second password here").request()))
			.andExpect(redirectedUrl("/desk/editors"));
		this.mvc.perform(signIn(name, "first password here")).andExpect(redirectedUrl("/desk/login?error"));
		this.mvc.perform(signIn(name, "second password here")).andExpect(redirectedUrl("/desk"));

		this.mvc.perform(asAdmin(get("/desk/audit")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Created an account")))
			.andExpect(content().string(containsString("Disabled an account")))
			.andExpect(content().string(containsString("Set a new password")))
			.andExpect(content().string(containsString(name)));
	}

	@Test
	void userNamesAreUniqueAndAdminsCannotDisableThemselves() throws Exception {
		String name = unique("taken");
		this.accounts.create(name, "a long enough password", EditorRole.EDITOR, "test");
		Document taken = page(
				asAdmin(form("/desk/editors/new", "/desk/editors/new").type("username", name.toUpperCase())
					.choose("role", "ADMIN")
					.type("password", "another long password")
					.request()));
		assertThat(taken.getElementById("username-error").text()).isEqualTo("This user name is taken.");
		assertThat(taken.getElementById("username").val()).isEqualTo(name.toUpperCase());
		// Crafted: a role the form does not offer and markup no browser would type as a
		// name.
		this.mvc
			.perform(asAdmin(
					post("/desk/editors/new").param("username", "<b>x</b>").param("role", "GOD").param("password", "")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Use letters, digits, dots")))
			.andExpect(content().string(containsString("Choose a role.")));

		String admin = unique("boss");
		long id = this.accounts.create(admin, "a long enough password", EditorRole.ADMIN, "test").getId();
		this.mvc.perform(post("/desk/editors/{id}/disable", id).with(user(admin).roles("EDITOR", "ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/desk/editors"));
		assertThat(this.accounts.find(id).orElseThrow().isEnabled()).isTrue();
	}

	private RenderedForm form(String page, String action) throws Exception {
		return RenderedForm.of(page(asAdmin(get(page))).outerHtml(), action);
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		return RenderedForm.page(this.mvc, request);
	}

	@Test
	void anAdminRevokesTheBrowsersAnEditorSignedInFromWithTheButtonOnTheEditorsPage() throws Exception {
		String admin = unique("boss");
		this.accounts.create(admin, "a long enough password", EditorRole.ADMIN, "test");
		Editor editor = this.accounts.create(unique("reporter"), "a long enough password", EditorRole.EDITOR, "test");
		Cookie session = this.mvc.perform(signIn(admin, "a long enough password"))
			.andExpect(redirectedUrl("/desk"))
			.andReturn()
			.getResponse()
			.getCookie(DeskSecurityConfig.SESSION_COOKIE);

		FormElement revoke = editorsPage(session)
			.expectForm("form[action=\"/desk/editors/" + editor.getId() + "/revoke-devices\"]");
		assertThat(revoke.expectFirst("button").attr("aria-label"))
			.isEqualTo("Revoke browsers " + editor.getUsername() + " signed in from");
		MockHttpServletRequestBuilder press = post(revoke.attr("action")).cookie(session);
		revoke.formData().forEach((field) -> press.param(field.key(), field.value()));
		this.mvc.perform(press).andExpect(redirectedUrl("/desk/editors"));

		assertThat(editorsPage(session).select("p.message").text()).isEqualTo("The browsers " + editor.getUsername()
				+ " signed in from are no longer known: they share the sign-in throttle of the account until "
				+ editor.getUsername() + " signs in from them again.");
		assertThat(this.accounts.find(editor.getId()).orElseThrow().getDevicesRevokedAt()).isNotNull();
		assertThat(AuditLog.newest(this.context, 100)).anySatisfy((entry) -> {
			assertThat(entry.action()).isEqualTo("DEVICES_REVOKED");
			assertThat(entry.editor()).isEqualTo(admin);
			assertThat(entry.details()).isEqualTo(editor.getUsername());
		});
		this.mvc.perform(post(revoke.attr("action")).cookie(session)).andExpect(status().isForbidden());
	}

	@Test
	void theAuditLogSaysWhoPublishedWhatAndWhen() throws Exception {
		long id = DeskFixtures.story(this.publishing, "Bakers win the regional bread prize").id();
		this.publishing.kill(id, "Kill: wrong prize named.", "vera");
		this.mvc.perform(asAdmin(get("/desk/audit")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Published a new story")))
			.andExpect(content().string(containsString("Bakers win the regional bread prize")))
			.andExpect(content().string(containsString("Killed a story")))
			.andExpect(content().string(containsString("vera")))
			.andExpect(content().string(containsString("article " + id)))
			.andExpect(content().string(containsString("<time datetime=")));
	}

	private Document editorsPage(Cookie session) throws Exception {
		return RenderedForm.page(this.mvc, get("/desk/editors").cookie(session));
	}

	private static FormLoginRequestBuilder signIn(String name, String password) {
		return formLogin("/desk/login").user(name).password(password);
	}

}
