package org.newswire.accounts;

import jakarta.servlet.http.HttpServletRequest;
import org.newswire.PublicOrigin;
import org.newswire.site.SecurityHeaders;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseCookie;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The desk: every page needs a signed-in editor and is never stored by a cache.
 */
@Configuration(proxyBeanMethods = false)
class DeskSecurityConfig {

	static final String DESK_PATH = "/desk";

	static final String SESSION_COOKIE = "JSESSIONID";

	@Bean
	@Order(10)
	SecurityFilterChain deskChain(HttpSecurity http, LoginThrottle throttle, DeviceCookies devices,
			ApplicationEventPublisher events, EditorAccounts accounts, ObjectProvider<ThymeleafViewResolver> views,
			PublicOrigin origin) throws Exception {
		DeskReturnPath returnPath = new DeskReturnPath();
		SignInEvents signIn = new SignInEvents(throttle, devices, events, views, returnPath);
		http.securityMatcher("/desk/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers(SignInEvents.LOGIN_PATH, SignIn.DENIED_PATH)
				.permitAll()
				.requestMatchers("/desk/audit", "/desk/audit/**", "/desk/editors", "/desk/editors/**", "/desk/clients",
						"/desk/clients/**")
				.hasRole(EditorRole.ADMIN.name())
				.anyRequest()
				.hasAnyRole(EditorRole.EDITOR.name(), EditorRole.ADMIN.name()))
			.formLogin((login) -> login.loginPage(SignInEvents.LOGIN_PATH)
				.successHandler(signIn.successHandler(origin))
				.failureHandler(signIn.failureHandler()))
			.addFilterBefore(signIn.throttleFilter(), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(signIn.disabledAccountFilter(accounts), AuthorizationFilter.class)
			// Spring Security's default already gives each sign-in a new session id; said
			// here because the desk relies on it. Sessions are Spring Session's, kept in
			// the database; their cookie (name, /desk path, HttpOnly, SameSite=Strict)
			// is made by deskSessionCookie() below. Only a sign-in opens one: the CSRF
			// token and the page to return to are kept in cookies until then (issue 23).
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()))
			.requestCache((cache) -> cache.requestCache(returnPath))
			.logout((logout) -> logout.logoutUrl("/desk/logout")
				.addLogoutHandler(signIn.logoutHandler())
				.invalidateHttpSession(true)
				.deleteCookies(SESSION_COOKIE)
				.logoutSuccessUrl(SignInEvents.LOGIN_PATH + "?signedOut"))
			.csrf((csrf) -> csrf.csrfTokenRepository(new DeskCsrfTokens())
				.csrfTokenRequestHandler(new TamperProofCsrfTokens()))
			.exceptionHandling((exceptions) -> exceptions.accessDeniedPage(SignIn.DENIED_PATH))
			.headers(SecurityHeaders.common());
		return http.build();
	}

	/**
	 * Stored hashes name their algorithm ("{bcrypt}..."), so the algorithm can be
	 * strengthened later without locking anyone out.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * The desk session cookie, the same wherever the application runs: only sent to the
	 * desk, so reader requests from an editor's browser stay cookie-free and cacheable;
	 * {@code HttpOnly}; {@code SameSite=Strict}; {@code Secure} whenever the request came
	 * over TLS (directly or through a trusted proxy).
	 */
	@Bean
	CookieSerializer deskSessionCookie() {
		DefaultCookieSerializer cookie = new DefaultCookieSerializer();
		cookie.setCookieName(SESSION_COOKIE);
		cookie.setCookiePath(DESK_PATH);
		cookie.setUseHttpOnlyCookie(true);
		cookie.setSameSite("Strict");
		return cookie;
	}

	/**
	 * A cookie of the desk's own, made like the session cookie: sent only to the desk,
	 * not to scripts or with requests from other sites, and only over TLS when this
	 * request came over TLS.
	 */
	static ResponseCookie.ResponseCookieBuilder deskCookie(String name, String value, HttpServletRequest request) {
		return ResponseCookie.from(name, value)
			.path(DESK_PATH)
			.httpOnly(true)
			.sameSite("Strict")
			.secure(request.isSecure());
	}

}
