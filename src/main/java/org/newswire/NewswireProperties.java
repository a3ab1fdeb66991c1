package org.newswire;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every setting of the portal's own, in one typed place ({@code newswire.*}). Each module
 * reads the part it needs; defaults live here and nowhere else.
 *
 * @param timeZone the zone readers and editors read times in
 * @param publicationName the name feeds, sitemaps and pages give the publication
 * @param publicUrl the public origin (e.g. {@code https://news.example.org}) absolute
 * links are made from whatever a request claims; unset, the embedded default uses the
 * request's own origin
 * @param copyFrom JDBC URL of an embedded H2 database (e.g.
 * {@code jdbc:h2:file:./data/newswire}) whose stories, versions, ticker headlines,
 * accounts and audit entries are copied into this, empty, database before the node serves
 */
@ConfigurationProperties("newswire")
public record NewswireProperties(@DefaultValue("UTC") ZoneId timeZone, @DefaultValue("Newswire") String publicationName,
		URI publicUrl, @DefaultValue Demo demo, @DefaultValue Admin admin, @DefaultValue Live live,
		@DefaultValue Login login, @DefaultValue PageCache pageCache, @DefaultValue Archive archive,
		@DefaultValue Sitemap sitemap, String copyFrom, @DefaultValue ChangeRecord changeRecord,
		@DefaultValue Search search, @DefaultValue Release release, @DefaultValue Wire wire, @DefaultValue Push push,
		@DefaultValue Edge edge) {

	/**
	 * @param enabled load demo stories into an empty embedded database
	 */
	public record Demo(@DefaultValue("false") boolean enabled) {
	}

	/**
	 * The first admin account, created once on an empty database.
	 */
	public record Admin(String username, String password) {
	}

	/**
	 * @param maxSubscribers live-ticker streams one node holds at most; unset, a quarter
	 * of the heap at the measured cost of a stream and at most half of Tomcat's
	 * connections (docs/operations.md)
	 * @param maxSubscribersPerClient streams one client holds at most: one address as
	 * resolved through the trusted proxies, or one IPv6 /64
	 */
	public record Live(Integer maxSubscribers, @DefaultValue("4") int maxSubscribersPerClient) {
	}

	/**
	 * Sign-in throttling, counted in the database across nodes.
	 *
	 * @param maxFailuresPerAccount failures within the window that lock an account for
	 * browsers it has not signed in from, and lock one browser that it has
	 * @param maxFailuresPerAddress failures within the window that lock one client
	 * address
	 * @param failureWindow how long failures count, from the first one
	 * @param deviceCookieLifetime how long a browser stays known to the account it signed
	 * in to: the device cookie's max age, and checked by the server against the issue
	 * time the cookie carries
	 */
	public record Login(@DefaultValue("5") int maxFailuresPerAccount, @DefaultValue("20") int maxFailuresPerAddress,
			@DefaultValue("15m") Duration failureWindow, @DefaultValue("365d") Duration deviceCookieLifetime) {
	}

	/**
	 * @param maxBytes what the rendered-page cache may hold at most
	 */
	public record PageCache(@DefaultValue("64MB") DataSize maxBytes) {
	}

	/**
	 * @param generate fill an empty embedded database with this many generated stories
	 * before serving (0: none)
	 * @param photoShare the share of generated stories, 0 to 1, that lead with one of a
	 * few drawn photos; the newest story always does
	 */
	public record Archive(@DefaultValue("0") int generate, @DefaultValue("0.2") double photoShare) {
	}

	/**
	 * @param poll how often a node reads the change record when nothing woke it: the
	 * safety net under commit wake-ups and PostgreSQL notifications
	 * @param writerWait how long a request that made a change waits, at most, for this
	 * node to follow it, so that the editor's next page shows it: the measured 99th
	 * percentile of that wait (docs/benchmark.md)
	 */
	public record ChangeRecord(@DefaultValue("2s") Duration poll, @DefaultValue("200ms") Duration writerWait) {
	}

	/**
	 * @param maxUrls URLs one sitemap holds at most before the index splits them (the
	 * sitemaps.org limit is 50,000)
	 */
	public record Sitemap(@DefaultValue("50000") int maxUrls) {
	}

	/**
	 * @param poll how often each node's release job looks for embargoes and scheduled
	 * writethrus that are due: the most they go out late
	 */
	public record Release(@DefaultValue("250ms") Duration poll) {
	}

	/**
	 * @param directory where this node keeps its search index on disk (each node its own;
	 * it is derived from the database and rebuilt from it when missing)
	 */
	public record Search(@DefaultValue("./data/search") Path directory) {
	}

	/**
	 * The machine API for wire clients (docs/api.md).
	 *
	 * @param longPoll how long a feed request with nothing new waits for the next change
	 * @param retention how long the change record keeps changes for clients to replay
	 * @param defaultRequestsPerMinute the rate limit a new client's keys get unless the
	 * desk sets another
	 * @param maxLongPolls feed requests one node lets wait for a change at most; beyond,
	 * a request is answered at once with its empty page
	 */
	public record Wire(@DefaultValue("15s") Duration longPoll, @DefaultValue("30d") Duration retention,
			@DefaultValue("120") int defaultRequestsPerMinute, @DefaultValue("2000") int maxLongPolls) {
	}

	/**
	 * Pushing changes to clients' webhook endpoints and to WebSub subscribers
	 * (docs/push.md).
	 *
	 * @param allowHttp accept plain http endpoints (tests only)
	 * @param allowedNetworks private networks (CIDR) endpoints may resolve to, for tests
	 * and intranets; every other loopback, private, link-local, unique-local or metadata
	 * address is refused
	 * @param rotationWindow how long a rotated secret keeps signing beside the new one
	 * @param timeout how long one delivery may take
	 * @param leaseMargin how long beyond its timeout a delivery stays with the node that
	 * took it (building the body, recording the answer): the deliveries of a node that
	 * died are tried again this long after their timeout
	 */
	public record Push(@DefaultValue("false") boolean allowHttp, @DefaultValue List<String> allowedNetworks,
			@DefaultValue("24h") Duration rotationWindow, @DefaultValue("10s") Duration timeout,
			@DefaultValue("20s") Duration leaseMargin) {
	}

	/**
	 * The edge caches in front of the nodes (docs/deploy/edge.vcl, docs/operations.md).
	 *
	 * @param purgeUrls where each edge takes soft purges by tag ({@code PURGE} with
	 * {@code xkey-softpurge}); none, the embedded default: no edge
	 * @param timeout how long one purge may take
	 * @param delay how long after a change its purge waits, so every node has followed
	 * the change before the edge asks one for the page again; a node that follows it
	 * later purges it once more itself
	 * @param retry how soon a failed purge is sent again
	 */
	public record Edge(@DefaultValue List<URI> purgeUrls, @DefaultValue("2s") Duration timeout,
			@DefaultValue("150ms") Duration delay, @DefaultValue("1s") Duration retry) {
	}

}
