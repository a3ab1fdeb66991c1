package org.newswire.site;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The reader pages the page cache keeps, each with the query parameters it understands. A
 * page is the same for every reader, so it is rendered once per change and served from
 * memory until the next one. To let another page join (feeds, search), add it to
 * {@link #READER}: it must read nothing but its path and the listed parameters.
 */
final class CacheablePages {

	static final CacheablePages READER = new CacheablePages(
			Map.of("/", Set.of(), "/sections/{section}", Set.of("before"), "/articles/{id}/{slug}", Set.of(),
					"/articles/{id}/{slug}/versions", Set.of(), "/articles/{id}/{slug}/versions/{sequence}", Set.of(),
					"/articles/{id}/{slug}/compare", Set.of("from", "to"), "/corrections", Set.of("page"), "/search",
					Set.of("q", "page"), "/feeds/{file}", Set.of(), "/feeds/sections/{section}/{file}", Set.of()));

	private final Map<PathPattern, Set<String>> pages;

	private CacheablePages(Map<String, Set<String>> pages) {
		this.pages = new LinkedHashMap<>();
		pages.forEach(
				(pattern, parameters) -> this.pages.put(PathPatternParser.defaultInstance.parse(pattern), parameters));
	}

	/**
	 * The cache key of a request for one of these pages: its path and the parameters it
	 * understands. Empty when the page is not cacheable or the request carries anything
	 * else (an unknown or repeated parameter, a path parameter), so that odd requests are
	 * answered fresh and cannot fill the cache with copies.
	 */
	Optional<String> key(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.indexOf(';') >= 0) {
			return Optional.empty();
		}
		PathContainer container = PathContainer.parsePath(path);
		for (Map.Entry<PathPattern, Set<String>> page : this.pages.entrySet()) {
			if (page.getKey().matches(container)) {
				return key(request, path, request.getParameterMap(), page.getValue());
			}
		}
		return Optional.empty();
	}

	private static Optional<String> key(HttpServletRequest request, String path, Map<String, String[]> parameters,
			Set<String> understood) {
		// The origin is part of the key so a page answered for one host name never serves
		// another.
		StringBuilder key = new StringBuilder(request.getScheme()).append("://")
			.append(request.getServerName())
			.append(':')
			.append(request.getServerPort())
			.append(path);
		char separator = '?';
		for (Map.Entry<String, String[]> parameter : new TreeMap<>(parameters).entrySet()) {
			if (!understood.contains(parameter.getKey()) || parameter.getValue().length != 1) {
				return Optional.empty();
			}
			key.append(separator)
				.append(parameter.getKey())
				.append('=')
				.append(URLEncoder.encode(parameter.getValue()[0], StandardCharsets.UTF_8));
			separator = '&';
		}
		return Optional.of(key.toString());
	}

}
