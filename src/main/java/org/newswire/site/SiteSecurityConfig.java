package org.newswire.site;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Reader pages: anonymous, without sessions or cookies, and free to be cached by any
 * proxy. Only GET and HEAD are served here, and the WebSub hub's {@code POST /websub},
 * which feed readers' servers call: with no session or cookie on this chain there is no
 * signed-in state for a forged request to ride on, so CSRF protection would only refuse
 * them. Nobody signs in here, so the chain holds nothing but the security headers: no
 * security context, session, logout, request cache or authorization filter runs for a
 * page every reader may see.
 */
@Configuration(proxyBeanMethods = false)
class SiteSecurityConfig {

	@Bean
	@Order(100)
	SecurityFilterChain readerChain(HttpSecurity http) throws Exception {
		// Reader pages set their own public Cache-Control; Spring Security's no-store
		// default would forbid it.
		SecurityHeaders.stateless(http);
		return http.build();
	}

}
