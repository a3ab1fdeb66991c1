package org.newswire.site;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Rewrites links to static files (stylesheets, scripts, icons) to their content-versioned
 * URLs, and leaves every other link alone.
 * <p>
 * Spring's {@link ResourceUrlEncodingFilter} asks the resource chain about every link a
 * page writes. Static files are served from {@code /**}, so a link to an article or a
 * section is looked up in each static location of the class path too, and a miss is not
 * cached: in a JFR profile, uncached article renders spent much of their time in those
 * class-path look-ups inside the executable jar (docs/benchmark.md). The files under the
 * static locations are known at start-up, so only links to one of them go to the resource
 * chain.
 */
class AssetUrlEncodingFilter extends ResourceUrlEncodingFilter {

	private final Set<String> assets;

	AssetUrlEncodingFilter(Set<String> assets) {
		this.assets = Set.copyOf(assets);
	}

	/**
	 * The URL paths of the files in the static locations, served at {@code /**} (Spring
	 * Boot's default static path pattern).
	 */
	static Set<String> assetPaths(ResourcePatternResolver resolver, String[] staticLocations) throws IOException {
		Set<String> paths = new HashSet<>();
		for (String location : staticLocations) {
			String base = location.endsWith("/") ? location : location + "/";
			Resource root = resolver.getResource(base);
			if (!root.exists()) {
				continue;
			}
			String rootUrl = root.getURL().toString();
			for (Resource file : resolver.getResources(base + "**/*")) {
				String url = file.getURL().toString();
				if (file.isReadable() && url.startsWith(rootUrl)) {
					paths.add("/" + url.substring(rootUrl.length()));
				}
			}
		}
		return paths;
	}

	@Override
	public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response,
			FilterChain chain) throws ServletException, IOException {
		HttpServletRequest httpRequest = (HttpServletRequest) request;
		HttpServletResponse original = (HttpServletResponse) response;
		super.doFilter(request, response, (wrappedRequest, versioning) -> chain.doFilter(wrappedRequest,
				new AssetsOnly((HttpServletResponse) versioning, original, httpRequest.getContextPath())));
	}

	private final class AssetsOnly extends HttpServletResponseWrapper {

		private final HttpServletResponse original;

		private final String contextPath;

		AssetsOnly(HttpServletResponse versioning, HttpServletResponse original, String contextPath) {
			super(versioning);
			this.original = original;
			this.contextPath = contextPath;
		}

		@Override
		public String encodeURL(String url) {
			return isAsset(url) ? super.encodeURL(url) : this.original.encodeURL(url);
		}

		private boolean isAsset(String url) {
			if (!url.startsWith(this.contextPath)) {
				return false;
			}
			int end = url.length();
			for (char stop : new char[] { '?', '#' }) {
				int at = url.indexOf(stop);
				if (at >= 0 && at < end) {
					end = at;
				}
			}
			return AssetUrlEncodingFilter.this.assets.contains(url.substring(this.contextPath.length(), end));
		}

	}

}
