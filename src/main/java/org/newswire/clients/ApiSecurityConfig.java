package org.newswire.clients;

import java.util.List;

import org.newswire.site.SecurityHeaders;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The machine API ({@code /api/v1/}) has a security chain of its own, stateless like the
 * readers' (docs/decisions.md): no session, cookie, CSRF token or security context, only
 * the security headers and {@link ApiKeyFilter}, which authenticates each request by its
 * key. Controllers get the request's client as a {@link WireClient} parameter.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfig implements WebMvcConfigurer {

	static final String API_PATH = "/api/v1/**";

	@Bean
	@Order(20)
	SecurityFilterChain apiChain(HttpSecurity http, KeyGate gate, ClientMetrics metrics, JsonMapper json)
			throws Exception {
		// Authenticated answers are private, no-store (ApiKeyFilter); Spring Security's
		// default would add Pragma and Expires besides.
		SecurityHeaders.stateless(http.securityMatcher(API_PATH))
			.addFilterAfter(new ApiKeyFilter(gate, metrics, json), HeaderWriterFilter.class);
		return http.build();
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new WireClientResolver());
	}

	/**
	 * The client {@link ApiKeyFilter} admitted the request as.
	 */
	static final class WireClientResolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == WireClient.class;
		}

		@Override
		public WireClient resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
				NativeWebRequest request, WebDataBinderFactory binders) {
			Object admission = request.getAttribute(ApiKeyFilter.ADMISSION, RequestAttributes.SCOPE_REQUEST);
			if (admission instanceof KeyGate.Admitted admitted) {
				return admitted.client();
			}
			// A mapping outside /api/v1/ asked for a client: a mistake in the code, not
			// the request.
			throw new IllegalStateException("A WireClient parameter is only available under /api/v1/");
		}

	}

}
