package org.newswire.site;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpHeaders;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves reader pages from the {@link PageCache} and answers conditional requests before
 * anything is rendered. It runs before Spring Security: a cached page carries the
 * security headers it was first sent with.
 * <p>
 * Only a 200 answer to a GET without cookies or a session is stored, and only when the
 * controller chose no caching policy of its own. Error pages are marked {@code no-store},
 * so neither this cache nor any proxy keeps them.
 */
class PageCacheFilter extends HttpFilter {

	static final String CACHE_CONTROL = "public, max-age=30, stale-while-revalidate=60";

	static final String NO_STORE = "no-store";

	private final PageCache cache;

	private final CacheablePages pages;

	PageCacheFilter(PageCache cache, CacheablePages pages) {
		this.cache = cache;
		this.pages = pages;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
			chain.doFilter(request, response);
			return;
		}
		boolean head = "HEAD".equals(request.getMethod());
		Optional<String> key = (head || "GET".equals(request.getMethod())) ? this.pages.key(request) : Optional.empty();
		if (key.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		PageCache.Version version = this.cache.version();
		if (notModified(request, version)) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			validators(response, version);
			return;
		}
		CachedPage cached = this.cache.get(version, key.get());
		if (cached != null) {
			cached.writeTo(response, head);
			return;
		}
		ContentCachingResponseWrapper rendered = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, rendered);
		if (storable(request, rendered)) {
			validators(rendered, version);
			if (!head) {
				this.cache.put(version, key.get(), CachedPage.of(rendered));
			}
		}
		else if (rendered.getStatus() >= 400) {
			rendered.setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
		}
		rendered.copyBodyToResponse();
	}

	private static boolean storable(HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		return response.getStatus() == HttpServletResponse.SC_OK && !request.isAsyncStarted()
				&& !response.containsHeader(HttpHeaders.SET_COOKIE)
				&& !response.containsHeader(HttpHeaders.CACHE_CONTROL) && (session == null || !session.isNew());
	}

	private static void validators(HttpServletResponse response, PageCache.Version version) {
		response.setHeader(HttpHeaders.ETAG, version.etag());
		response.setDateHeader(HttpHeaders.LAST_MODIFIED, version.lastModified().toEpochMilli());
		response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
	}

	/**
	 * RFC 9110: {@code If-None-Match} (weak comparison) decides when present, otherwise
	 * {@code If-Modified-Since}.
	 */
	static boolean notModified(HttpServletRequest request, PageCache.Version version) {
		String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
		if (ifNoneMatch != null) {
			for (String candidate : ifNoneMatch.split(",")) {
				String tag = candidate.strip();
				tag = tag.startsWith("W/") ? tag.substring(2) : tag;
				if (tag.equals("*") || tag.equals(version.etag())) {
					return true;
				}
			}
			return false;
		}
		try {
			long since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
			return since >= 0 && version.lastModified().toEpochMilli() <= since;
		}
		catch (IllegalArgumentException ex) {
			// An unreadable date is ignored, as RFC 9110 asks.
			return false;
		}
	}

}
