package org.newswire;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * Where absolute links (feeds, sitemaps, canonical links, {@code robots.txt}) start. A
 * configured {@code newswire.public-url} wins whatever a request claims; without it, as
 * on the embedded default, the request's own origin is used, as Tomcat sees it after
 * trusting forwarded headers from configured proxies only.
 */
@Component
public class PublicOrigin {

	private final String configured;

	PublicOrigin(NewswireProperties properties) {
		this.configured = (properties.publicUrl() != null)
				? properties.publicUrl().toString().strip().replaceAll("/+$", "") : null;
	}

	/**
	 * The origin without a trailing slash, e.g. {@code https://news.example.org}.
	 */
	public String of(HttpServletRequest request) {
		if (this.configured != null) {
			return this.configured;
		}
		String scheme = request.getScheme();
		int port = request.getServerPort();
		boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
		return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port) + request.getContextPath();
	}

	/**
	 * Whether the origin is fixed by configuration, so pages that carry it may be shared
	 * across host names.
	 */
	public boolean isConfigured() {
		return this.configured != null;
	}

}
