package org.newswire.pagecache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves declared pages from the {@link PageCache}, and is the one place that answers
 * conditional requests for pages, feeds, sitemaps and ninjs items. It runs before Spring
 * Security: a cached page carries the security headers it was first sent with.
 * <p>
 * Only a 200 answer, or a 301 from an old address to the page's own, that sets no cookie
 * is stored, and only when the controller chose no caching policy of its own. Spring
 * Session runs behind this filter, so a render that opened a session shows here as its
 * cookie. Error pages are marked {@code no-store}, so neither this cache nor any proxy
 * keeps them.
 */
class PageCacheFilter extends HttpFilter {

	static final String NO_STORE = EdgeCaching.NO_STORE;

	/**
	 * Where the edge fetches the live fragment that its copies of pages include: one
	 * object there, purged by the ticker's tag alone, so a ticker change refreshes every
	 * page without purging one.
	 */
	static final String FRAGMENT_PATH = "/fragments/ticker";

	/** What a page sent to the edge carries where the live fragment goes. */
	private static final byte[] ESI_INCLUDE = ("<esi:include src=\"" + FRAGMENT_PATH + "\"/>")
		.getBytes(StandardCharsets.US_ASCII);

	/**
	 * The include as the live fragment of a page sent to the edge, which keeps and purges
	 * the fragment apart from the pages. It has no version and no date of its own, so the
	 * page's validators are its body's.
	 */
	private static final PageCache.Fragment ESI_FRAGMENT = new PageCache.Fragment(-2, ESI_INCLUDE, Instant.EPOCH);

	private final PageCache cache;

	private final PageRoutes routes;

	PageCacheFilter(PageCache cache, PageRoutes routes) {
		this.cache = cache;
		this.routes = routes;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			// The error page goes straight to the client, so it renders its own ticker.
			request.removeAttribute(PageCache.SPLICE_ATTRIBUTE);
			response.setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
			chain.doFilter(request, response);
			return;
		}
		boolean head = "HEAD".equals(request.getMethod());
		if ((head || "GET".equals(request.getMethod())) && this.cache.hasFragment() && isFragment(request)) {
			serveFragment(request, response, head);
			return;
		}
		PageRoutes.Match match = (head || "GET".equals(request.getMethod())) ? this.routes.match(request) : null;
		if (match == null) {
			chain.doFilter(request, response);
			return;
		}
		if (match.repeated()) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		CachedPage cached = this.cache.get(match.key());
		PageCache.Claim claim = null;
		if (cached == null) {
			claim = this.cache.claim(match.key());
			cached = (claim != null) ? null : this.cache.get(match.key());
		}
		if (cached != null) {
			cached.writeHeaders(response);
			serve(request, response, cached, head, true);
			return;
		}
		this.cache.missed();
		try {
			render(request, response, chain, match, head);
		}
		finally {
			if (claim != null) {
				this.cache.release(claim);
			}
		}
	}

	private void render(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
			PageRoutes.Match match, boolean head) throws IOException, ServletException {
		PageCache.Ticket ticket = this.cache.ticket();
		request.setAttribute(PageCache.SPLICE_ATTRIBUTE, Boolean.TRUE);
		ContentCachingResponseWrapper rendered = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, rendered);
		if (rendered.getStatus() >= 400) {
			rendered.setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
		}
		else if (!head && !rendered.containsHeader(HttpHeaders.SET_COOKIE)) {
			// Before the page is stored: its tags go out with its other headers on every
			// hit, joined once.
			EdgeCaching.tag(rendered, match.tags());
		}
		if (!head && storable(request, rendered)) {
			CachedPage page = CachedPage.of(rendered, this.cache.now(), match.tags(), match.maxAge());
			boolean kept = this.cache.put(match.key(), page, ticket);
			// The headers the application set are on the response already.
			serve(request, response, page, false, kept);
			return;
		}
		spliceInto(rendered);
	}

	/**
	 * @param kept whether the page is as of every change this node has followed: one
	 * whose render overlapped a change to it may predate it, and the edge, which that
	 * change may have purged already, must not serve it while a node answers; it keeps it
	 * for outages only ({@code s-maxage=0} with {@code stale-if-error})
	 */
	private void serve(HttpServletRequest request, HttpServletResponse response, CachedPage page, boolean head,
			boolean kept) throws IOException {
		Duration edge = (!kept) ? Duration.ZERO : (page.maxAge() == null) ? EdgeCaching.EDGE
				: EdgeCaching.edgeFor(page.maxAge(), Duration.between(page.renderedAt(), this.cache.now()));
		// A stored page has no Cache-Control of its own (it would not have been stored).
		response.setHeader(HttpHeaders.CACHE_CONTROL, EdgeCaching.cacheControl(edge));
		if (page.status() != HttpServletResponse.SC_OK) {
			response.setStatus(page.status());
			response.setContentLength(0);
			return;
		}
		PageCache.Fragment fragment = null;
		if (page.carriesFragment()) {
			boolean esi = EdgeCaching.assemblesEsi(request);
			fragment = esi ? ESI_FRAGMENT : this.cache.fragment();
			if (esi) {
				response.setHeader(EdgeCaching.CONTROL, "content=\"" + EdgeCaching.ESI + "\"");
			}
		}
		String etag = page.etag(fragment);
		long lastModified = page.lastModified(fragment).toEpochMilli();
		response.setHeader(HttpHeaders.ETAG, etag);
		response.setDateHeader(HttpHeaders.LAST_MODIFIED, lastModified);
		if (response.getHeaders(HttpHeaders.VARY)
			.stream()
			.noneMatch((vary) -> vary.toLowerCase(Locale.ROOT).contains("accept-encoding"))) {
			response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		}
		if (Revalidation.notModified(request, response, etag, lastModified)) {
			return;
		}
		response.setStatus(HttpServletResponse.SC_OK);
		page.writeBody(response, fragment, acceptsGzip(request), head);
	}

	private static boolean isFragment(HttpServletRequest request) {
		String uri = request.getRequestURI();
		return uri.endsWith(FRAGMENT_PATH)
				&& uri.length() == request.getContextPath().length() + FRAGMENT_PATH.length();
	}

	/**
	 * The live fragment alone, as the edge includes it in its copies of pages; the same
	 * bytes a page served here carries.
	 */
	private void serveFragment(HttpServletRequest request, HttpServletResponse response, boolean head)
			throws IOException {
		PageCache.Fragment fragment = this.cache.fragment();
		EdgeCaching.cacheable(response, Set.of(PageTags.TICKER), EdgeCaching.EDGE);
		String etag = "W/\"" + fragment.version() + "\"";
		long lastModified = fragment.renderedAt().toEpochMilli();
		response.setHeader(HttpHeaders.ETAG, etag);
		response.setDateHeader(HttpHeaders.LAST_MODIFIED, lastModified);
		if (Revalidation.notModified(request, response, etag, lastModified)) {
			return;
		}
		response.setContentType("text/html;charset=UTF-8");
		response.setContentLength(fragment.bytes().length);
		if (!head) {
			response.getOutputStream().write(fragment.bytes());
		}
	}

	/**
	 * A page rendered for the cache but not stored (an error, a gone article) still gets
	 * its live fragment.
	 */
	private void spliceInto(ContentCachingResponseWrapper rendered) throws IOException {
		byte[][] parts = CachedPage.split(rendered.getContentAsByteArray());
		if (parts[1] == null) {
			rendered.copyBodyToResponse();
			return;
		}
		PageCache.Fragment fragment = this.cache.fragment();
		byte[] middle = (fragment != null) ? fragment.bytes() : new byte[0];
		HttpServletResponse response = (HttpServletResponse) rendered.getResponse();
		response.setContentLength(parts[0].length + middle.length + parts[1].length);
		response.getOutputStream().write(parts[0]);
		response.getOutputStream().write(middle);
		response.getOutputStream().write(parts[1]);
	}

	private static boolean storable(HttpServletRequest request, HttpServletResponse response) {
		boolean page = response.getStatus() == HttpServletResponse.SC_OK && response.getContentType() != null;
		boolean moved = response.getStatus() == HttpServletResponse.SC_MOVED_PERMANENTLY
				&& response.containsHeader(HttpHeaders.LOCATION);
		return (page || moved) && !request.isAsyncStarted() && !response.containsHeader(HttpHeaders.SET_COOKIE)
				&& !response.containsHeader(HttpHeaders.CACHE_CONTROL);
	}

	/** RFC 9110: gzip or {@code *} listed without {@code q=0}. */
	static boolean acceptsGzip(HttpServletRequest request) {
		var values = request.getHeaders(HttpHeaders.ACCEPT_ENCODING);
		while (values != null && values.hasMoreElements()) {
			for (String coding : values.nextElement().split(",")) {
				String[] parts = coding.split(";");
				String name = parts[0].strip().toLowerCase(Locale.ROOT);
				if ((name.equals("gzip") || name.equals("*")) && !refused(parts)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean refused(String[] parameters) {
		for (int i = 1; i < parameters.length; i++) {
			String parameter = parameters[i].strip().toLowerCase(Locale.ROOT);
			if (parameter.startsWith("q=")) {
				try {
					return Double.parseDouble(parameter.substring(2)) == 0;
				}
				catch (NumberFormatException ex) {
					return true;
				}
			}
		}
		return false;
	}

}
