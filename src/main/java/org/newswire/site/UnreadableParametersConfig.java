package org.newswire.site;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class UnreadableParametersConfig {

	/**
	 * Before the page cache (order -110), whose key reads the parameters.
	 */
	static final int ORDER = -120;

	@Bean
	FilterRegistrationBean<UnreadableParametersFilter> unreadableParametersFilter() {
		FilterRegistrationBean<UnreadableParametersFilter> registration = new FilterRegistrationBean<>(
				new UnreadableParametersFilter());
		registration.setOrder(ORDER);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

}
