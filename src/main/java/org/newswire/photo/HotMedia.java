package org.newswire.photo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ETag;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Answers a rendition asked for lately from memory, with the very headers its first
 * answer had, before the security filters and Spring MVC: a rendition's address names its
 * bytes, so what was answered once is the answer for ever. Cached pages skip the same
 * work in the page cache's filter; a rendition went through all of it, and a hot one was
 * served at a fraction of a cached page's rate (docs/benchmark.md, Photos). Only answers
 * that say {@code immutable} are kept, and never one that sets a cookie, as the page
 * cache keeps none: its headers go to everyone who asks after. Anything else, a 404 or a
 * 304, goes through as before.
 */
@Configuration(proxyBeanMethods = false)
class HotMedia {

	/**
	 * Before the page cache's filter (-110, pagecache.PageCacheConfig), and so before
	 * Spring Session and Spring Security.
	 */
	static final int ORDER = -111;

	/** Bytes of renditions kept in memory: a few hundred of the most asked for. */
	private static final long MEMORY = 64L * 1024 * 1024;

	private static final String PREFIX = "/media/";

	@Bean
	FilterRegistrationBean<Filter> hotMediaFilter() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter());
		registration.setOrder(ORDER);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		registration.addUrlPatterns(PREFIX + "*");
		return registration;
	}

	/**
	 * A rendition's answer as it first went out.
	 *
	 * @param headers name and value pairs, in order
	 */
	record Answer(List<String[]> headers, String etag, byte[] body) {

		int weight() {
			return this.body.length + 512;
		}

	}

	static final class Filter extends OncePerRequestFilter {

		private final Cache<String, Answer> answers = Caffeine.newBuilder()
			.maximumWeight(MEMORY)
			.weigher((String key, Answer answer) -> answer.weight())
			.build();

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			boolean head = "HEAD".equals(request.getMethod());
			if (!head && !"GET".equals(request.getMethod())) {
				chain.doFilter(request, response);
				return;
			}
			String key = request.getRequestURI();
			Answer answer = this.answers.getIfPresent(key);
			if (answer != null) {
				replay(request, response, answer, head);
				return;
			}
			ContentCachingResponseWrapper first = new ContentCachingResponseWrapper(response);
			chain.doFilter(request, first);
			String cacheControl = first.getHeader(HttpHeaders.CACHE_CONTROL);
			if (!head && first.getStatus() == HttpServletResponse.SC_OK && cacheControl != null
					&& cacheControl.contains("immutable") && first.getHeader(HttpHeaders.ETAG) != null
					&& !first.containsHeader(HttpHeaders.SET_COOKIE)) {
				this.answers.put(key, answer(first));
			}
			first.copyBodyToResponse();
		}

		private static Answer answer(ContentCachingResponseWrapper first) {
			List<String[]> headers = new ArrayList<>();
			for (String name : first.getHeaderNames()) {
				if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH) && !name.equalsIgnoreCase(HttpHeaders.DATE)) {
					for (String value : first.getHeaders(name)) {
						headers.add(new String[] { name, value });
					}
				}
			}
			return new Answer(List.copyOf(headers), first.getHeader(HttpHeaders.ETAG), first.getContentAsByteArray());
		}

		/**
		 * Whether the client holds the answer: any tag of its list, weak or strong, or
		 * {@code *}, as a proxy or browser may send them.
		 */
		private static boolean current(String asked, String etag) {
			ETag ours = ETag.create(etag);
			return asked != null
					&& ETag.parse(asked).stream().anyMatch((tag) -> tag.isWildcard() || tag.compare(ours, false));
		}

		private static void replay(HttpServletRequest request, HttpServletResponse response, Answer answer,
				boolean head) throws IOException {
			boolean notModified = current(request.getHeader(HttpHeaders.IF_NONE_MATCH), answer.etag());
			for (String[] header : answer.headers()) {
				if (!notModified || !header[0].equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
					response.addHeader(header[0], header[1]);
				}
			}
			if (notModified) {
				response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
				return;
			}
			response.setStatus(HttpServletResponse.SC_OK);
			response.setContentLength(answer.body().length);
			if (!head) {
				response.getOutputStream().write(answer.body());
			}
		}

	}

}
