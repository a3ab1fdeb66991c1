package org.newswire.accounts;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newswire.DeskFixtures;
import org.newswire.article.Publishing;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every desk route against anonymous, EDITOR and ADMIN: anonymous visitors are sent to
 * sign in, editors are refused admin pages, and a POST without a CSRF token is refused
 * whoever sends it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeskRoleMatrixTests {

	private static final String LOGIN = "/desk/login";

	@Autowired
	MockMvc mvc;

	@Autowired
	Publishing publishing;

	@Autowired
	EditorAccounts accounts;

	private final List<Route> routes = new ArrayList<>();

	record Route(HttpMethod method, String path, boolean adminOnly) {
	}

	enum Role {

		ANONYMOUS, EDITOR, ADMIN

	}

	@BeforeEach
	void routes() {
		long article = DeskFixtures.story(this.publishing, "Night market returns to the square").id();
		long editor = this.accounts
			.create(DeskFixtures.unique("matrix"), "a-long-enough-password", EditorRole.EDITOR, "test")
			.getId();
		String a = "/desk/articles/" + article;
		String e = "/desk/editors/" + editor;
		editorRoute(HttpMethod.GET, "/desk");
		editorRoute(HttpMethod.GET, "/desk/articles/new");
		editorRoute(HttpMethod.POST, "/desk/articles/new");
		editorRoute(HttpMethod.GET, a + "/writethru");
		editorRoute(HttpMethod.POST, a + "/writethru");
		editorRoute(HttpMethod.GET, a + "/kill");
		editorRoute(HttpMethod.POST, a + "/kill");
		editorRoute(HttpMethod.GET, a + "/hold");
		editorRoute(HttpMethod.POST, a + "/hold");
		editorRoute(HttpMethod.POST, a + "/release");
		editorRoute(HttpMethod.GET, "/desk/ticker");
		editorRoute(HttpMethod.POST, "/desk/ticker");
		editorRoute(HttpMethod.POST, "/desk/ticker/987654/withdraw");
		adminRoute(HttpMethod.GET, "/desk/audit");
		adminRoute(HttpMethod.GET, "/desk/editors");
		adminRoute(HttpMethod.GET, "/desk/editors/new");
		adminRoute(HttpMethod.POST, "/desk/editors/new");
		adminRoute(HttpMethod.GET, e + "/password");
		adminRoute(HttpMethod.POST, e + "/password");
		adminRoute(HttpMethod.POST, e + "/disable");
		adminRoute(HttpMethod.POST, e + "/enable");
		adminRoute(HttpMethod.POST, e + "/revoke-devices");
	}

	@Test
	void anonymousVisitorsAreSentToSignIn() throws Exception {
		for (Route route : this.routes) {
			MockHttpServletResponse response = perform(route, Role.ANONYMOUS, true);
			assertThat(response.getStatus()).as(route.toString()).isEqualTo(302);
			assertThat(response.getRedirectedUrl()).as(route.toString()).isEqualTo(LOGIN);
		}
	}

	@Test
	void editorsUseTheDeskButNotAdminPages() throws Exception {
		for (Route route : this.routes) {
			MockHttpServletResponse response = perform(route, Role.EDITOR, true);
			if (route.adminOnly()) {
				assertThat(response.getStatus()).as(route.toString()).isEqualTo(403);
				assertThat(response.getForwardedUrl()).isEqualTo(SignIn.DENIED_PATH);
			}
			else {
				assertAllowed(route, response);
			}
		}
	}

	@Test
	void adminsUseEveryDeskPage() throws Exception {
		for (Route route : this.routes) {
			assertAllowed(route, perform(route, Role.ADMIN, true));
		}
	}

	@Test
	void postsWithoutCsrfTokenAreRefused() throws Exception {
		for (Route route : this.routes) {
			if (route.method() == HttpMethod.POST) {
				for (Role role : Role.values()) {
					assertThat(perform(route, role, false).getStatus()).as(route + " as " + role).isEqualTo(403);
				}
			}
		}
		assertThat(perform(new Route(HttpMethod.POST, "/desk/login", false), Role.ANONYMOUS, false).getStatus())
			.isEqualTo(403);
		assertThat(perform(new Route(HttpMethod.POST, "/desk/logout", false), Role.EDITOR, false).getStatus())
			.isEqualTo(403);
	}

	@Test
	void signInAndRefusalPagesAreOpenToEveryone() throws Exception {
		assertThat(perform(new Route(HttpMethod.GET, "/desk/login", false), Role.ANONYMOUS, false).getStatus())
			.isEqualTo(200);
		MockHttpServletResponse denied = perform(new Route(HttpMethod.GET, SignIn.DENIED_PATH, false), Role.ANONYMOUS,
				false);
		assertThat(denied.getStatus()).isEqualTo(403);
		assertThat(denied.getContentAsString()).contains("Not allowed");
	}

	/**
	 * Past security: a GET shows its page; a POST of an empty form gets its form back
	 * with messages, a redirect, or a 404 for an unknown headline.
	 */
	private static void assertAllowed(Route route, MockHttpServletResponse response) {
		if (route.method() == HttpMethod.GET) {
			assertThat(response.getStatus()).as(route.toString()).isEqualTo(200);
		}
		else {
			assertThat(response.getStatus()).as(route.toString()).isIn(200, 302, 404);
			assertThat(response.getRedirectedUrl()).as(route.toString()).isNotEqualTo(LOGIN);
		}
	}

	private MockHttpServletResponse perform(Route route, Role role, boolean withCsrf) throws Exception {
		MockHttpServletRequestBuilder request = request(route.method(), route.path());
		if (withCsrf) {
			request.with(csrf());
		}
		RequestPostProcessor who = switch (role) {
			case ANONYMOUS -> (r) -> r;
			case EDITOR -> user("eddie").roles("EDITOR");
			case ADMIN -> user("chief").roles("EDITOR", "ADMIN");
		};
		return this.mvc.perform(request.with(who)).andReturn().getResponse();
	}

	private void editorRoute(HttpMethod method, String path) {
		this.routes.add(new Route(method, path, false));
	}

	private void adminRoute(HttpMethod method, String path) {
		this.routes.add(new Route(method, path, true));
	}

}
