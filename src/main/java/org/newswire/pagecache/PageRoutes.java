package org.newswire.pagecache;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Every cacheable page the modules declared, and the cache key of a request for one.
 */
final class PageRoutes {

	private final List<Route> routes;

	PageRoutes(List<CacheablePages> declared) {
		this.routes = declared.stream()
			.flatMap((pages) -> pages.pages().stream())
			.map((page) -> new Route(PathPatternParser.defaultInstance.parse(page.pattern()), page))
			.sorted((a, b) -> PathPattern.SPECIFICITY_COMPARATOR.compare(a.pattern(), b.pattern()))
			.toList();
	}

	/**
	 * What the cache makes of a request: {@code null} when the page is not cacheable (a
	 * path parameter, which the firewall refuses anyway, included).
	 */
	Match match(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.indexOf(';') >= 0) {
			return null;
		}
		// Every cached hit comes through here: the path is parsed and matched only
		// against the patterns with its number of segments.
		int segments = segments(path);
		PathContainer container = null;
		for (Route route : this.routes) {
			if (route.segments() >= 0 && route.segments() != segments) {
				continue;
			}
			container = (container != null) ? container : PathContainer.parsePath(path);
			PathPattern.PathMatchInfo info = route.pattern().matchAndExtract(container);
			if (info != null) {
				return match(request, path, route.page(), info.getUriVariables());
			}
		}
		return null;
	}

	private static Match match(HttpServletRequest request, String path, CacheablePages.Page page,
			Map<String, String> variables) {
		// The origin is part of the key so a page answered for one host name never serves
		// another.
		StringBuilder key = new StringBuilder(request.getScheme()).append("://")
			.append(request.getServerName())
			.append(':')
			.append(request.getServerPort())
			.append(path);
		boolean repeated = false;
		// Only the parameters the page reads make the key: the rest (utm_source, x=1)
		// cannot change the page, so they get the cached bytes.
		if (!page.parameters().isEmpty()) {
			char separator = '?';
			for (Map.Entry<String, String[]> parameter : new TreeMap<>(request.getParameterMap()).entrySet()) {
				if (!page.parameters().contains(parameter.getKey())) {
					continue;
				}
				repeated |= parameter.getValue().length != 1;
				key.append(separator)
					.append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
					.append('=')
					.append(URLEncoder.encode(parameter.getValue()[0], StandardCharsets.UTF_8));
				separator = '&';
			}
		}
		return new Match(key.toString(), page, variables, repeated);
	}

	/**
	 * @param repeated an understood parameter came more than once: the page would read a
	 * value the key does not hold, so the request is refused
	 */
	record Match(String key, CacheablePages.Page page, Map<String, String> variables, boolean repeated) {

		/** What changes drop the page; worked out only for a page to be stored. */
		Set<String> tags() {
			Set<String> tags = new HashSet<>();
			for (String tag : this.page.tags()) {
				for (Map.Entry<String, String> variable : this.variables.entrySet()) {
					tag = tag.replace("{" + variable.getKey() + "}", variable.getValue());
				}
				tags.add(tag);
			}
			return tags;
		}

		Duration maxAge() {
			return this.page.maxAge();
		}

	}

	private static int segments(String path) {
		int slashes = 0;
		for (int i = 0; i < path.length(); i++) {
			if (path.charAt(i) == '/') {
				slashes++;
			}
		}
		return slashes;
	}

	/**
	 * @param segments how many segments every path it matches has, or -1 when that varies
	 * (a wildcard)
	 */
	private record Route(PathPattern pattern, CacheablePages.Page page, int segments) {

		Route(PathPattern pattern, CacheablePages.Page page) {
			this(pattern, page, (page.pattern().indexOf('*') < 0) ? PageRoutes.segments(page.pattern()) : -1);
		}

	}

}
