package org.newswire.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newswire.DeskFixtures;
import org.newswire.NewswireProperties;
import org.newswire.SettableClock;
import org.newswire.audit.AuditLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Real sign-ins through the form: a new session id at sign-in, sign-out ending the
 * session (kept in the database and found by its cookie alone), the desk page asked for
 * before signing in, throttling per account, per known browser (device cookie, within its
 * lifetime and until revoked) and per address, and an audit entry for each.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeskSignInTests {

	private static final String PASSWORD = "correct horse battery";

	@Autowired
	MockMvc mvc;

	@Autowired
	EditorAccounts accounts;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SettableClock clock;

	@Autowired
	NewswireProperties properties;

	@Test
	void signInGivesANewSessionIdAndSignOutEndsTheSession() throws Exception {
		// No anonymous session exists to plant any more: an attacker's own signed-in
		// session is what a victim's browser could be made to carry.
		Cookie planted = this.mvc.perform(login(editor(), PASSWORD, "10.1.0.3"))
			.andExpect(redirectedUrl("/desk"))
			.andReturn()
			.getResponse()
			.getCookie(DeskSecurityConfig.SESSION_COOKIE);
		String name = editor();
		long stored = storedSessions();

		MvcResult signIn = this.mvc.perform(login(name, PASSWORD, "10.1.0.1").cookie(planted))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/desk"))
			.andReturn();
		Cookie signedIn = signIn.getResponse().getCookie(DeskSecurityConfig.SESSION_COOKIE);
		assertThat(signedIn.getValue()).isNotEqualTo(planted.getValue());
		assertThat(storedSessions()).as("the planted session, renamed").isEqualTo(stored);
		assertThat(signIn.getResponse().getHeader(HttpHeaders.SET_COOKIE)).contains("Path=/desk", "HttpOnly",
				"SameSite=Strict");

		this.mvc.perform(get("/desk").cookie(signedIn))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Signed in as " + name)));
		this.mvc.perform(get("/desk").cookie(planted)).andExpect(status().isFound());
		assertThat(AuditLog.newest(this.context, 100)).anyMatch((e) -> e.is("SIGNED_IN") && e.editor().equals(name));

		this.mvc.perform(post("/desk/logout").cookie(signedIn).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/desk/login?signedOut"));
		assertThat(AuditLog.newest(this.context, 100)).anyMatch((e) -> e.is("SIGNED_OUT") && e.editor().equals(name));
		this.mvc.perform(get("/desk").cookie(signedIn)).andExpect(status().isFound());
		assertThat(storedSessions()).isEqualTo(stored - 1);
	}

	@Test
	void signingInLeadsBackToTheDeskPageAskedForAndNowhereElse() throws Exception {
		String name = editor();
		MockHttpServletResponse asked = this.mvc.perform(get("/desk/ticker?page=2"))
			.andExpect(redirectedUrl("/desk/login"))
			.andReturn()
			.getResponse();
		assertThat(asked.getCookie(DeskSecurityConfig.SESSION_COOKIE)).isNull();
		Cookie returnPath = asked.getCookie(DeskReturnPath.COOKIE);
		assertThat(asked.getHeader(HttpHeaders.SET_COOKIE)).contains("Path=/desk", "HttpOnly", "SameSite=Strict");

		MockHttpServletResponse signIn = this.mvc.perform(login(name, PASSWORD, "10.1.3.1").cookie(returnPath))
			.andExpect(redirectedUrl("/desk/ticker?page=2"))
			.andReturn()
			.getResponse();
		assertThat(signIn.getCookie(DeskReturnPath.COOKIE).getMaxAge()).isZero();

		for (String forged : List.of("//evil.example/desk", "/desk/../account", "/desk/%2e%2e/x", "/deskx",
				"https://evil.example/desk", "/desk/\\evil.example")) {
			this.mvc.perform(login(name, PASSWORD, "10.1.3.2").cookie(new Cookie(DeskReturnPath.COOKIE, forged)))
				.andExpect(redirectedUrl("/desk"));
		}
	}

	@Test
	void disablingAnAccountEndsItsOpenSession() throws Exception {
		String name = editor();
		Cookie session = this.mvc.perform(login(name, PASSWORD, "10.5.0.1"))
			.andExpect(redirectedUrl("/desk"))
			.andReturn()
			.getResponse()
			.getCookie(DeskSecurityConfig.SESSION_COOKIE);
		this.mvc.perform(get("/desk").cookie(session)).andExpect(status().isOk());

		this.accounts.setEnabled(this.accounts.findByUsername(name).orElseThrow().getId(), false, "test");
		this.mvc.perform(get("/desk").cookie(session)).andExpect(redirectedUrl("/desk/login"));
		this.accounts.setEnabled(this.accounts.findByUsername(name).orElseThrow().getId(), true, "test");
		this.mvc.perform(get("/desk").cookie(session)).andExpect(status().isFound());
	}

	@Test
	void wrongPasswordsAreRefusedAndDisabledAccountsCannotSignIn() throws Exception {
		String name = editor();
		this.mvc.perform(login(name, "not the password", "10.1.0.2"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/desk/login?error"));
		this.mvc.perform(get("/desk/login").param("error", ""))
			.andExpect(content().string(containsString("Wrong user name or password")));

		this.accounts.setEnabled(this.accounts.findByUsername(name).orElseThrow().getId(), false, "test");
		this.mvc.perform(login(name, PASSWORD, "10.1.0.2")).andExpect(redirectedUrl("/desk/login?error"));
	}

	@Test
	void fiveFailuresForOneAccountThrottleItEvenWithTheRightPassword() throws Exception {
		String name = editor();
		for (int i = 1; i <= 5; i++) {
			// From a different address each time: the account count alone must throttle.
			this.mvc.perform(login(name, "guess " + i, "10.2.0." + i)).andExpect(redirectedUrl("/desk/login?error"));
		}
		this.mvc.perform(login(name, PASSWORD, "10.2.0.9"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(content().string(containsString("Too many sign-in attempts")))
			.andExpect(content().string(containsString("Wait 15 minutes")));

		String other = editor();
		this.mvc.perform(login(other, PASSWORD, "10.2.0.9")).andExpect(redirectedUrl("/desk"));
	}

	@Test
	void aSuccessfulSignInResetsTheAccountCount() throws Exception {
		String name = editor();
		for (int round = 0; round < 2; round++) {
			for (int i = 1; i <= 4; i++) {
				this.mvc.perform(login(name, "guess", "10.3." + round + "." + i))
					.andExpect(redirectedUrl("/desk/login?error"));
			}
			this.mvc.perform(login(name, PASSWORD, "10.3." + round + ".9")).andExpect(redirectedUrl("/desk"));
		}
	}

	@Test
	void manyFailuresFromOneAddressThrottleThatAddress() throws Exception {
		String address = "10.4.0.1";
		for (int i = 1; i <= 20; i++) {
			this.mvc.perform(login("nobody-" + i, "guess", address)).andExpect(redirectedUrl("/desk/login?error"));
		}
		String name = editor();
		this.mvc.perform(login(name, PASSWORD, address)).andExpect(status().isTooManyRequests());
		this.mvc.perform(login(name, PASSWORD, "10.4.0.2")).andExpect(redirectedUrl("/desk"));
	}

	@Test
	void aBrowserThatSignedInBeforeIsNotLockedOutByFailuresFromElsewhere() throws Exception {
		String name = editor();
		Cookie known = deviceCookie(name, "10.6.0.1");
		for (int i = 1; i <= 5; i++) {
			this.mvc.perform(login(name, "guess " + i, "10.6.1." + i)).andExpect(redirectedUrl("/desk/login?error"));
		}
		this.mvc.perform(login(name, PASSWORD, "10.6.2.1"))
			.andExpect(status().isTooManyRequests())
			.andExpect(content().string(containsString("Too many sign-in attempts")));
		this.mvc.perform(login(name, PASSWORD, "10.6.0.1").cookie(known)).andExpect(redirectedUrl("/desk"));
	}

	@Test
	void failuresFromAKnownBrowserLockOutThatBrowserAlone() throws Exception {
		String name = editor();
		Cookie known = deviceCookie(name, "10.7.0.1");
		for (int i = 1; i <= 5; i++) {
			this.mvc.perform(login(name, "guess " + i, "10.7.1." + i).cookie(known))
				.andExpect(redirectedUrl("/desk/login?error"));
		}
		this.mvc.perform(login(name, PASSWORD, "10.7.2.1").cookie(known)).andExpect(status().isTooManyRequests());
		this.mvc.perform(login(name, PASSWORD, "10.7.2.2")).andExpect(redirectedUrl("/desk"));
	}

	@Test
	void aDeviceCookieCountsOnlyForTheAccountItWasIssuedForAndOnlyUntampered() throws Exception {
		String name = editor();
		Cookie othersBrowser = deviceCookie(editor(), "10.8.0.1");
		Cookie known = deviceCookie(name, "10.8.0.2");
		Cookie tampered = new Cookie(DeviceCookies.NAME, tampered(known.getValue()));
		for (int i = 1; i <= 5; i++) {
			Cookie presented = (i % 2 == 0) ? othersBrowser : tampered;
			this.mvc.perform(login(name, "guess " + i, "10.8.1." + i).cookie(presented))
				.andExpect(redirectedUrl("/desk/login?error"));
		}
		this.mvc.perform(login(name, PASSWORD, "10.8.2.1").cookie(othersBrowser))
			.andExpect(status().isTooManyRequests());
		this.mvc.perform(login(name, PASSWORD, "10.8.2.1").cookie(known)).andExpect(redirectedUrl("/desk"));
	}

	@Test
	void theDeviceCookieGoesOnlyToTheDeskNeverToScriptsAndOnlyOverTlsWhenSignedInOverTls() throws Exception {
		String name = editor();
		String plain = deviceCookieHeader(this.mvc.perform(login(name, PASSWORD, "10.9.0.1")).andReturn());
		assertThat(plain).contains("Path=/desk", "HttpOnly", "SameSite=Strict", "Max-Age=").doesNotContain("Secure");

		String overTls = deviceCookieHeader(this.mvc.perform(login(name, PASSWORD, "10.9.0.1").secure(true))
			.andExpect(redirectedUrl("/desk"))
			.andReturn());
		assertThat(overTls).contains("Path=/desk", "HttpOnly", "SameSite=Strict", "Secure");
		assertThat(AuditLog.newest(this.context, 100))
			.anyMatch((e) -> e.is("SIGNED_IN") && e.editor().equals(name) && e.details().equals("from 10.9.0.1"));
	}

	@Test
	void aDeviceCookieCountsOnlyWithinItsLifetimeWhateverTheBrowserKept() throws Exception {
		String name = editor();
		Duration lifetime = this.properties.login().deviceCookieLifetime();
		Instant now = Instant.now();
		Cookie expired = this.clock.callAt(now.minus(lifetime).minusSeconds(60), () -> deviceCookie(name, "10.11.0.1"));
		Cookie lastDay = this.clock.callAt(now.minus(lifetime).plus(Duration.ofDays(1)),
				() -> deviceCookie(name, "10.11.0.2"));
		lockOut(name, "10.11.1.");

		this.mvc.perform(login(name, PASSWORD, "10.11.0.1").cookie(expired)).andExpect(status().isTooManyRequests());
		this.mvc.perform(login(name, PASSWORD, "10.11.0.2").cookie(lastDay)).andExpect(redirectedUrl("/desk"));
	}

	@Test
	void aBrowserWhoseDevicesWereRevokedSharesTheAccountsCountAgain() throws Exception {
		String name = editor();
		Cookie revoked = deviceCookie(name, "10.12.0.1");
		this.accounts.revokeDevices(this.accounts.findByUsername(name).orElseThrow().getId(), "test");
		Cookie signedInSince = deviceCookie(name, "10.12.0.2");
		lockOut(name, "10.12.1.");

		this.mvc.perform(login(name, PASSWORD, "10.12.0.1").cookie(revoked)).andExpect(status().isTooManyRequests());
		this.mvc.perform(login(name, PASSWORD, "10.12.0.2").cookie(signedInSince)).andExpect(redirectedUrl("/desk"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "%s\u0001", "\u0000%s", "%s\u001F", " %S", "%s\u200B", "\u202E%s" })
	void aNameWithInvisibleCharactersSharesTheAccountsCount(String disguise) throws Exception {
		String name = editor();
		String disguised = disguise.formatted(name).translateEscapes();
		for (int i = 1; i <= 5; i++) {
			this.mvc.perform(login(disguised, "guess " + i, "10.10.1." + i))
				.andExpect(redirectedUrl("/desk/login?error"));
		}
		this.mvc.perform(login(name, PASSWORD, "10.10.2.1")).andExpect(status().isTooManyRequests());
		this.mvc.perform(login(disguised, PASSWORD, "10.10.2.1")).andExpect(status().isTooManyRequests());
	}

	/**
	 * Five failures from browsers the account does not know: it is throttled for all of
	 * them.
	 */
	private void lockOut(String name, String addresses) throws Exception {
		for (int i = 1; i <= 5; i++) {
			this.mvc.perform(login(name, "guess " + i, addresses + i)).andExpect(redirectedUrl("/desk/login?error"));
		}
	}

	private Cookie deviceCookie(String name, String address) {
		try {
			Cookie cookie = this.mvc.perform(login(name, PASSWORD, address))
				.andExpect(redirectedUrl("/desk"))
				.andReturn()
				.getResponse()
				.getCookie(DeviceCookies.NAME);
			assertThat(cookie).as("device cookie").isNotNull();
			return new Cookie(cookie.getName(), cookie.getValue());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String deviceCookieHeader(MvcResult result) {
		return result.getResponse()
			.getHeaders(HttpHeaders.SET_COOKIE)
			.stream()
			.filter((header) -> header.startsWith(DeviceCookies.NAME + "="))
			.findFirst()
			.orElseThrow();
	}

	private long storedSessions() {
		return this.jdbc.queryForObject("select count(*) from spring_session", Long.class);
	}

	private String editor() {
		return this.accounts.create(DeskFixtures.unique("signin"), PASSWORD, EditorRole.EDITOR, "test").getUsername();
	}

	/**
	 * Crafted, as password guessing is: a sign-in from a chosen address, many times over.
	 * The sign-in form itself is filled as rendered in {@code SignInSessionTests}.
	 */
	private static MockHttpServletRequestBuilder login(String username, String password, String address) {
		return post("/desk/login").param("username", username)
			.param("password", password)
			.with(csrf())
			.with((MockHttpServletRequest request) -> {
				request.setRemoteAddr(address);
				return request;
			});
	}

	/**
	 * The value with its first character changed: always changed, so the cookie is never
	 * the one it was made from (a fixed replacement left one value in 64 as it was).
	 */
	private static String tampered(String value) {
		char first = (value.charAt(0) == 'x') ? 'y' : 'x';
		return first + value.substring(1);
	}

}
