package org.newswire.pagecache;

import java.util.List;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ServerHttpObservationFilter;

@Configuration(proxyBeanMethods = false)
class PageCacheConfig {

	/**
	 * Spring Security's filter runs at order -100; the page cache runs before it so a
	 * cached page costs no security filter work, and before Spring Session (-105,
	 * {@code spring.session.servlet.filter-order} in application.properties).
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

	/**
	 * Spring Boot times every request from the outermost filter. For a page served from
	 * the cache that observation is a large part of the little work left (JFR,
	 * docs/benchmark.md), so requests are timed from just behind the cache:
	 * {@code http_server_requests} covers what the application renders or refuses, and
	 * {@code newswire_page_cache_total} counts what the cache answers, as a metric of an
	 * application behind a caching proxy would.
	 */
	@Bean
	static BeanPostProcessor timeRequestsBehindThePageCache() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof FilterRegistrationBean<?> registration
						&& registration.getFilter() instanceof ServerHttpObservationFilter) {
					registration.setOrder(ORDER + 1);
				}
				return bean;
			}

		};
	}

	/**
	 * Tomcat hands a response to the socket in pieces no larger than each connection's
	 * write buffer, 8 KB unless told: a cached article (12 KB) took two system calls and
	 * the home page (22 KB) three. With 32 KB the pages the cache serves go out in one
	 * system call each, which made cached hits faster (docs/benchmark.md). The buffer is
	 * taken per open connection, ticker streams included: 32 MB for a thousand readers
	 * following the ticker.
	 */
	static final int SOCKET_WRITE_BUFFER = 32 * 1024;

	@Bean
	TomcatConnectorCustomizer wholePageSocketWrites() {
		return (connector) -> connector.setProperty("socket.appWriteBufSize", String.valueOf(SOCKET_WRITE_BUFFER));
	}

}
