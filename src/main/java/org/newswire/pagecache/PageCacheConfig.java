package org.newswire.pagecache;

import java.util.List;

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

	@Bean
	FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCache cache, List<CacheablePages> pages) {
		FilterRegistrationBean<PageCacheFilter> registration = new FilterRegistrationBean<>(
				new PageCacheFilter(cache, new PageRoutes(pages)));
		registration.setOrder(ORDER);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

}
