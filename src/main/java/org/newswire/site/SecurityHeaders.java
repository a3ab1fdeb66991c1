package org.newswire.site;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The response headers every page carries, reader or desk: scripts and styles only from
 * our own origin (no inline code), never framed, no referrer leaked to other sites.
 */
public final class SecurityHeaders {

	public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
			+ "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	private SecurityHeaders() {
	}

	public static <B extends org.springframework.security.config.annotation.web.HttpSecurityBuilder<B>> Customizer<HeadersConfigurer<B>> common() {
		return (headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny);
	}

	/**
	 * A chain for answers that belong to no session (reader pages, the machine API): no
	 * CSRF token, security context, session, saved request, anonymous user, logout,
	 * servlet API wrapper or error redirect; the {@link #common() common} headers, and no
	 * {@code Cache-Control} of Spring Security's, as these answers set their own.
	 */
	public static HttpSecurity stateless(HttpSecurity http) throws Exception {
		return http.csrf((csrf) -> csrf.disable())
			.securityContext((context) -> context.disable())
			.sessionManagement((session) -> session.disable())
			.requestCache((cache) -> cache.disable())
			.anonymous((anonymous) -> anonymous.disable())
			.logout((logout) -> logout.disable())
			.servletApi((servletApi) -> servletApi.disable())
			.exceptionHandling((exceptions) -> exceptions.disable())
			.headers(common())
			.headers((headers) -> headers.cacheControl((cache) -> cache.disable()));
	}

}
