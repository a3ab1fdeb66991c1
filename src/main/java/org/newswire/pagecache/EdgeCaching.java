package org.newswire.pagecache;

import java.time.Duration;
import java.util.Collection;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;

/**
 * How long browsers and the edge (Varnish with xkey, docs/deploy/edge.vcl) may keep a
 * cacheable answer, and which purges drop it there: the one place the portal says so.
 * <p>
 * Browsers keep a page half a minute, as before the edge: nobody can purge them. The edge
 * keeps it a day ({@code s-maxage}), since every change that alters a page purges its
 * tags there at once, and may serve it for a day more while no node answers
 * ({@code stale-if-error}). An answer that says {@code immutable} (a photo whose address
 * names its content) keeps its own {@code Cache-Control}: it never changes, so nothing is
 * to be purged.
 */
public final class EdgeCaching {

	/** The edge's request header: it assembles {@code <esi:include>} itself. */
	public static final String CAPABILITY = "Surrogate-Capability";

	/** The answer header that tells the edge to assemble the page. */
	static final String CONTROL = "Surrogate-Control";

	static final String ESI = "ESI/1.0";

	/** Varnish xkey reads the tags from this header. */
	public static final String XKEY = "xkey";

	/** The same tags, as Fastly and other CDNs read them. */
	public static final String SURROGATE_KEY = "Surrogate-Key";

	static final Duration BROWSER = Duration.ofSeconds(30);

	public static final Duration EDGE = Duration.ofDays(1);

	/** Past {@link #BROWSER}, a browser shows its copy while it fetches the next. */
	static final Duration REVALIDATE = Duration.ofSeconds(60);

	/** How long the edge may answer with a copy while no node answers. */
	static final Duration IF_ERROR = Duration.ofDays(1);

	static final String NO_STORE = "no-store";

	/** Made once: nearly every answer carries it. */
	private static final String EDGE_CACHE_CONTROL = format(BROWSER, EDGE);

	private EdgeCaching() {
	}

	/**
	 * The {@code Cache-Control} of a cacheable answer.
	 * @param edge how long the edge may keep it before it must ask again, at most
	 * {@link #EDGE}; zero for an answer it must keep only for outages
	 */
	static String cacheControl(Duration edge) {
		return edge.equals(EDGE) ? EDGE_CACHE_CONTROL : format(BROWSER, edge);
	}

	private static String format(Duration browser, Duration edge) {
		return "public, max-age=" + browser.toSeconds() + ", s-maxage=" + edge.toSeconds() + ", stale-while-revalidate="
				+ REVALIDATE.toSeconds() + ", stale-if-error=" + IF_ERROR.toSeconds();
	}

	/**
	 * Marks an answer cacheable with its tags, unless it is immutable (its own
	 * {@code Cache-Control} stays) or private.
	 * @param edge how long the edge may keep it, see {@link #cacheControl(Duration)}
	 */
	public static void cacheable(HttpServletResponse response, Collection<String> tags, Duration edge) {
		String own = response.getHeader(HttpHeaders.CACHE_CONTROL);
		if (own != null && (own.contains("immutable") || own.contains("private") || own.contains(NO_STORE))) {
			return;
		}
		response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl(edge));
		tag(response, tags);
	}

	/**
	 * Marks an answer cacheable with its tags, as
	 * {@link #cacheable(HttpServletResponse, Collection, Duration)} does, for an answer
	 * browsers keep {@code browser} rather than the pages' half minute.
	 */
	public static void cacheable(HttpServletResponse response, Collection<String> tags, Duration browser,
			Duration edge) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, format(browser, edge));
		tag(response, tags);
	}

	/**
	 * Names the tags of an answer: a page before it is stored, which then carries them on
	 * every hit, or one whose caching its controller chose, which the edge keeps as long
	 * as that says; the same purges drop both.
	 */
	static void tag(HttpServletResponse response, Collection<String> tags) {
		if (tags.isEmpty()) {
			return;
		}
		String joined = String.join(" ", tags);
		response.setHeader(XKEY, joined);
		response.setHeader(SURROGATE_KEY, joined);
	}

	/**
	 * How long the edge may keep a page that the node keeps at most {@code maxAge} after
	 * it was rendered {@code age} ago: what is left of it, and never more than a day.
	 */
	static Duration edgeFor(Duration maxAge, Duration age) {
		if (maxAge == null) {
			return EDGE;
		}
		Duration left = maxAge.minus(age);
		return left.isNegative() ? Duration.ZERO : (left.compareTo(EDGE) < 0) ? left : EDGE;
	}

	/**
	 * Whether the request came from an edge that assembles ESI pages: it says so in
	 * {@value #CAPABILITY} (RFC-less, as Akamai and Varnish spell it), which the edge
	 * sets and clears from readers' requests.
	 */
	static boolean assemblesEsi(HttpServletRequest request) {
		String capability = request.getHeader(CAPABILITY);
		return capability != null && capability.toUpperCase(Locale.ROOT).contains(ESI);
	}

}
