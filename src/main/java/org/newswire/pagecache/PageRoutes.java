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
		PathContainer container = PathContainer.parsePath(path);
		for (Route route : this.routes) {
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
		char separator = '?';
		boolean repeated = false;
		// Only the parameters the page reads make the key: the rest (utm_source, x=1)
		// cannot change the page, so they get the cached bytes.
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
		Set<String> tags = new HashSet<>();
		for (String tag : page.tags()) {
			for (Map.Entry<String, String> variable : variables.entrySet()) {
				tag = tag.replace("{" + variable.getKey() + "}", variable.getValue());
			}
			tags.add(tag);
		}
		return new Match(key.toString(), tags, page.maxAge(), repeated);
	}

	/**
	 * @param repeated an understood parameter came more than once: the page would read a
	 * value the key does not hold, so the request is refused
	 */
	record Match(String key, Set<String> tags, Duration maxAge, boolean repeated) {
	}

	private record Route(PathPattern pattern, CacheablePages.Page page) {
	}

}
