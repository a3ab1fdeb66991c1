package org.newswire.desk;

import org.newswire.site.SecurityHeaders;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The desk: every page needs a signed-in editor and is never stored by a cache.
 */
@Configuration(proxyBeanMethods = false)
class DeskSecurityConfig {

	@Bean
	@Order(10)
	SecurityFilterChain deskChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/desk/**")
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers("/desk/login").permitAll().anyRequest().authenticated())
			.formLogin((login) -> login.loginPage("/desk/login").defaultSuccessUrl("/desk", true))
			.logout((logout) -> logout.logoutUrl("/desk/logout").logoutSuccessUrl("/desk/login?signedOut"))
			.headers(SecurityHeaders.common());
		return http.build();
	}

}
