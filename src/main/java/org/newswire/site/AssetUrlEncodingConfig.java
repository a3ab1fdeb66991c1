package org.newswire.site;

import java.io.IOException;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Replaces Spring Boot's resource URL encoding filter (registered in its place because it
 * is one) with {@link AssetUrlEncodingFilter}.
 */
@Configuration(proxyBeanMethods = false)
class AssetUrlEncodingConfig {

	// Typed as Spring Boot's own registration, which backs off only for a bean of this
	// type.
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> assetUrlEncodingFilter(ResourcePatternResolver resolver,
			WebProperties web) throws IOException {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new AssetUrlEncodingFilter(
						AssetUrlEncodingFilter.assetPaths(resolver, web.getResources().getStaticLocations())));
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

}
