package org.newswire.site;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PageCacheConfig {

	/**
	 * Spring Security's filter runs at order -100; the page cache runs before it so a
	 * cached page costs no security filter work.
	 */
	static final int ORDER = -110;

	/**
	 * Before the page cache, whose key reads the parameters.
	 */
	@Bean
	FilterRegistrationBean<UnreadableParametersFilter> unreadableParametersFilter() {
		FilterRegistrationBean<UnreadableParametersFilter> registration = new FilterRegistrationBean<>(
				new UnreadableParametersFilter());
		registration.setOrder(ORDER - 10);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	@Bean
	FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCache cache) {
		FilterRegistrationBean<PageCacheFilter> registration = new FilterRegistrationBean<>(
				new PageCacheFilter(cache, CacheablePages.READER));
		registration.setOrder(ORDER);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

}
