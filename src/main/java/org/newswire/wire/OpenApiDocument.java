package org.newswire.wire;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.newswire.NewswireProperties;
import org.newswire.clients.WireClient;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the OpenAPI document at {@code /api/openapi.json} says beyond what springdoc reads
 * from the controllers: the API, its key and the two ways to send it. The request's
 * {@link WireClient} is resolved from the key, so it is no parameter of any operation.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

	static final String KEY = "key";

	static final String KEY_HEADER = "keyHeader";

	static {
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(WireClient.class);
	}

	@Bean
	OpenAPI newswireApi(NewswireProperties properties) {
		return new OpenAPI()
			.info(new Info().title(properties.publicationName() + " machine API")
				.version("v1")
				.description("Stories and every change to them for client newsrooms (docs/api.md). /api/v1 needs "
						+ "a key from the desk; errors are RFC 9457 application/problem+json whose type is "
						+ "urn:newswire:problem:<name>."))
			.components(new Components()
				.addSecuritySchemes(KEY,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.description("Authorization: Bearer <key>, the key the desk issued"))
				.addSecuritySchemes(KEY_HEADER,
						new SecurityScheme().type(SecurityScheme.Type.APIKEY)
							.in(SecurityScheme.In.HEADER)
							.name("X-Api-Key")
							.description("The same key in its own header; a key in the query string is refused")));
	}

	/**
	 * Every operation under {@code /api/v1/} needs a key, in either header; the public
	 * ninjs API needs none.
	 */
	@Bean
	OpenApiCustomizer keysForTheMachineApi() {
		return (api) -> api.getPaths()
			.entrySet()
			.stream()
			.filter((path) -> path.getKey().startsWith("/api/v1/"))
			.flatMap((path) -> path.getValue().readOperations().stream())
			.forEach((operation) -> operation.addSecurityItem(new SecurityRequirement().addList(KEY))
				.addSecurityItem(new SecurityRequirement().addList(KEY_HEADER)));
	}

}
