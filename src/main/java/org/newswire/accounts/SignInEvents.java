package org.newswire.accounts;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.newswire.LogText;
import org.newswire.PublicOrigin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.View;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What happens around a sign-in: throttling before the password is even checked, a log
 * line for every sign-in, failure and sign-out, and an {@link EditorSignedIn} or
 * {@link EditorSignedOut} for each sign-in and sign-out, which the audit log records.
 */
class SignInEvents {

	static final String LOGIN_PATH = "/desk/login";

	static final String THROTTLED_VIEW = "desk/throttled";

	private static final RequestMatcher LOGIN_POST = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.POST, LOGIN_PATH);

	private static final Logger log = LoggerFactory.getLogger(SignInEvents.class);

	/** The counts an attempt took a place in, for the handlers of its outcome. */
	private static final String ATTEMPT = SignInEvents.class.getName() + ".attempt";

	private final LoginThrottle throttle;

	private final DeviceCookies devices;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<ThymeleafViewResolver> views;

	private final DeskReturnPath returnPath;

	SignInEvents(LoginThrottle throttle, DeviceCookies devices, ApplicationEventPublisher events,
			ObjectProvider<ThymeleafViewResolver> views, DeskReturnPath returnPath) {
		this.throttle = throttle;
		this.devices = devices;
		this.events = events;
		this.views = views;
		this.returnPath = returnPath;
	}

	/**
	 * Refuses a sign-in attempt with 429 while its account (or, for a browser that signed
	 * in to the account before, that browser) or its address is throttled, even with the
	 * right password, so guessing gains nothing. The address is the connection's:
	 * forwarded headers count only when Tomcat's remote-IP handling took them from a
	 * trusted proxy.
	 */
	OncePerRequestFilter throttleFilter() {
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				if (LOGIN_POST.matches(request)) {
					String username = EditorAccounts.normalise(request.getParameter("username"));
					String device = SignInEvents.this.devices.trustedDevice(request, username).orElse(null);
					Optional<LoginThrottle.Attempt> attempt = SignInEvents.this.throttle.admit(username,
							request.getRemoteAddr(), device);
					if (attempt.isEmpty()) {
						log.warn("Sign-in refused, too many failures: user '{}' from {}{}",
								LogText.loggable(request.getParameter("username")), request.getRemoteAddr(),
								(device != null) ? " (known browser)" : "");
						renderThrottled(request, response);
						return;
					}
					request.setAttribute(ATTEMPT, attempt.get());
				}
				chain.doFilter(request, response);
			}

		};
	}

	/**
	 * Ends the session of an editor whose account was disabled after they signed in, so
	 * disabling takes effect at their next click rather than when the session times out.
	 */
	OncePerRequestFilter disabledAccountFilter(EditorAccounts accounts) {
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
				if (authentication != null && authentication.isAuthenticated()
						&& accounts.findByUsername(authentication.getName())
							.map((editor) -> !editor.isEnabled())
							.orElse(false)) {
					log.info("Session of disabled editor '{}' ended", authentication.getName());
					new SecurityContextLogoutHandler().logout(request, response, authentication);
					response.sendRedirect(request.getContextPath() + LOGIN_PATH);
					return;
				}
				chain.doFilter(request, response);
			}

		};
	}

	AuthenticationSuccessHandler successHandler(PublicOrigin origin) {
		SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();
		next.setRequestCache(this.returnPath);
		next.setDefaultTargetUrl(DeskSecurityConfig.DESK_PATH);
		// A relative redirect unless the public origin is configured: either way never to
		// the host a request claimed.
		next.setRedirectStrategy((request, response, url) -> response.sendRedirect(
				(origin.isConfigured() ? origin.of(request) : request.getContextPath()) + path(request, url)));
		return (request, response, authentication) -> {
			if (request.getAttribute(ATTEMPT) instanceof LoginThrottle.Attempt attempt) {
				this.throttle.succeeded(attempt);
			}
			this.devices.issue(request, response, authentication.getName());
			log.info("Editor '{}' signed in from {}", authentication.getName(), request.getRemoteAddr());
			this.events.publishEvent(new EditorSignedIn(authentication.getName(), request.getRemoteAddr()));
			// The page to return to is spent; its cookie must go before the redirect
			// commits the answer.
			this.returnPath.removeRequest(request, response);
			next.onAuthenticationSuccess(request, response, authentication);
		};
	}

	AuthenticationFailureHandler failureHandler() {
		SimpleUrlAuthenticationFailureHandler next = new SimpleUrlAuthenticationFailureHandler(LOGIN_PATH + "?error");
		// It would open a session to hand the exception to the sign-in page, which shows
		// the same message for every failure anyway (issue 23).
		next.setAllowSessionCreation(false);
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
			// The attempt was counted when it was admitted.
			String username = request.getParameter("username");
			log.warn("Failed sign-in for '{}' from {}", LogText.loggable(username), request.getRemoteAddr());
			next.onAuthenticationFailure(request, response, exception);
		};
	}

	LogoutHandler logoutHandler() {
		return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
			if (authentication != null) {
				log.info("Editor '{}' signed out", authentication.getName());
				this.events.publishEvent(new EditorSignedOut(authentication.getName(), request.getRemoteAddr()));
			}
		};
	}

	private void renderThrottled(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		try {
			View view = this.views.getObject().resolveViewName(THROTTLED_VIEW, request.getLocale());
			view.render(Map.of(), request, response);
		}
		catch (Exception ex) {
			throw new IOException("Cannot render " + THROTTLED_VIEW, ex);
		}
	}

	/**
	 * The page to go back to after sign-in, as a path within the application. A saved
	 * request's URL names whatever host the browser or a proxy claimed; only its path and
	 * query are kept.
	 */
	static String path(HttpServletRequest request, String url) {
		if (url.startsWith("/") && !url.startsWith("//")) {
			return url;
		}
		UriComponents target = UriComponentsBuilder.fromUriString(url).build();
		String path = Objects.requireNonNullElse(target.getPath(), "");
		if (path.startsWith(request.getContextPath())) {
			path = path.substring(request.getContextPath().length());
		}
		return (path.startsWith("/") ? path : "/" + path)
				+ ((target.getQuery() != null) ? "?" + target.getQuery() : "");
	}

}
