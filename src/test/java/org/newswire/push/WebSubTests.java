package org.newswire.push;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newswire.SettableClock;
import org.newswire.TestStories;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Paths;
import org.newswire.article.Publishing;
import org.newswire.article.Stories;
import org.newswire.article.WritethruKind;
import org.newswire.feed.FeedDocuments;
import org.newswire.push.Deliveries.Delivery;
import org.newswire.push.Subscriptions.Subscription;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The WebSub hub of the public feeds: feeds advertise it, subscribers' intent is
 * verified, leases end, and a changed feed reaches its subscribers through the push
 * outbox, signed with their secret.
 */
@PushReceivers
class WebSubTests {

	private static final String ORIGIN = "http://localhost";

	@Autowired
	MockMvc mvc;

	@Autowired
	Hub hub;

	@Autowired
	Subscriptions subscriptions;

	@Autowired
	FeedDocuments feeds;

	@Autowired
	Publishing publishing;

	@Autowired
	Stories stories;

	@Autowired
	SettableClock clock;

	@Autowired
	Outbox outbox;

	@Autowired
	Deliveries deliveries;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void unsubscribeEveryone() {
		// Other tests' changes would keep planning distributions to closed callbacks.
		this.jdbc.update("delete from websub_subscription");
	}

	@Test
	void everyFeedAdvertisesTheHubAndItselfInItsBodyAndHeaders() throws Exception {
		ArticleSummary story = TestStories.story().headline("Harbour reopens").publish(this.publishing);
		String storyFeed = Paths.feed(story.id(), story.slug());
		for (String path : List.of("/feeds/rss.xml", "/feeds/atom.xml", "/feeds/sections/world/rss.xml",
				"/feeds/sections/world/atom.xml", storyFeed)) {
			MvcResult result = this.mvc.perform(get(path)).andReturn();
			assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
			assertThat(result.getResponse().getHeader("Link")).as(path)
				.isEqualTo("<" + ORIGIN + "/websub>; rel=\"hub\", <" + ORIGIN + path + ">; rel=\"self\"");
			Document feed = Jsoup.parse(result.getResponse().getContentAsString(), "", Parser.xmlParser());
			String link = path.endsWith("rss.xml") ? "channel > atom|link" : "feed > link";
			assertThat(feed.select(link + "[rel=hub]").eachAttr("href")).as(path).containsExactly(ORIGIN + "/websub");
			assertThat(feed.select(link + "[rel=self]").eachAttr("href")).as(path).containsExactly(ORIGIN + path);
		}
	}

	@Test
	void aSubscriptionIsActiveOnceTheCallbackEchoesTheChallenge() throws Exception {
		String topic = ORIGIN + "/feeds/atom.xml";
		try (Subscriber subscriber = new Subscriber()) {
			assertThat(subscribe("subscribe", topic, subscriber.callback().toString(), null, null)).isEqualTo(202);
			await().atMost(Duration.ofSeconds(5)).until(() -> this.subscriptions.of(topic).size() == 1);
			Map<String, String> verification = subscriber.verifications().get(0);
			assertThat(verification.keySet()).containsExactly("hub.mode", "hub.topic", "hub.challenge",
					"hub.lease_seconds");
			assertThat(verification.get("hub.mode")).isEqualTo("subscribe");
			assertThat(verification.get("hub.topic")).isEqualTo(topic);
			assertThat(verification.get("hub.lease_seconds")).isEqualTo("864000");
			assertThat(verification.get("hub.challenge")).hasSizeGreaterThanOrEqualTo(40);
			Subscription subscription = this.subscriptions.of(topic).get(0);
			assertThat(subscription.state()).isEqualTo("ACTIVE");
			assertThat(subscription.callback()).isEqualTo(subscriber.callback());
			assertThat(subscription.feedTag()).isEqualTo("lists");
			assertThat(Duration.between(Instant.now(), subscription.leaseUntil()))
				.isBetween(Duration.ofDays(10).minusMinutes(1), Duration.ofDays(10));
		}
	}

	@Test
	void aWrongEchoOrA404LeavesNoSubscription() throws Exception {
		String topic = ORIGIN + "/feeds/rss.xml";
		try (Subscriber wrong = new Subscriber((challenge) -> challenge + "x");
				Subscriber missing = new Subscriber((challenge) -> null)) {
			assertThat(subscribe("subscribe", topic, wrong.callback().toString(), "3600", null)).isEqualTo(202);
			assertThat(subscribe("subscribe", topic, missing.callback().toString(), "3600", null)).isEqualTo(202);
			await().atMost(Duration.ofSeconds(5))
				.until(() -> wrong.verifications().size() == 1 && missing.verifications().size() == 1);
			await().during(Duration.ofMillis(500))
				.atMost(Duration.ofSeconds(2))
				.until(() -> this.subscriptions.of(topic).isEmpty());
			assertThat(wrong.verifications().get(0).get("hub.lease_seconds")).isEqualTo("3600");
		}
	}

	@Test
	void aWritethruReachesTheStorysSubscriberWithinASecondSignedWithItsSecret() throws Exception {
		ArticleSummary story = TestStories.story().headline("Ferry strike ends").publish(this.publishing);
		String topic = ORIGIN + Paths.feed(story.id(), story.slug());
		String secret = "a secret the subscriber chose";
		try (Subscriber subscriber = new Subscriber(); Subscriber business = new Subscriber()) {
			assertThat(subscribe("subscribe", topic, subscriber.callback().toString(), null, secret)).isEqualTo(202);
			assertThat(subscribe("subscribe", ORIGIN + "/feeds/sections/business/atom.xml",
					business.callback().toString(), null, null))
				.isEqualTo(202);
			await().atMost(Duration.ofSeconds(5))
				.until(() -> this.subscriptions.of(topic).size() == 1 && business.verifications().size() == 1);

			TestStories.writethru(WritethruKind.LD_WRITETHRU).post(this.publishing, story);
			long posted = System.nanoTime();
			await().atMost(Duration.ofSeconds(1)).until(() -> subscriber.distributions().size() == 1);
			long arrived = System.nanoTime();

			Receiver.Request distribution = subscriber.distributions().get(0);
			// The new headline moved the story and its feed to a new slug: the feed as
			// there, which says so in its self link.
			ArticleSummary now = this.stories.find(story.id()).orElseThrow();
			assertThat(now.slug()).isNotEqualTo(story.slug());
			MvcResult feed = this.mvc.perform(get(Paths.feed(now.id(), now.slug()))).andReturn();
			assertThat(distribution.body()).isEqualTo(feed.getResponse().getContentAsString());
			assertThat(distribution.header("Content-Type")).isEqualTo("application/atom+xml;charset=UTF-8");
			assertThat(distribution.header("Link")).isEqualTo("<" + ORIGIN + "/websub>; rel=\"hub\", <" + ORIGIN
					+ Paths.feed(now.id(), now.slug()) + ">; rel=\"self\"");
			assertThat(distribution.header("X-Hub-Signature"))
				.isEqualTo("sha256=" + hmacSha256Hex(secret, distribution.body().getBytes(StandardCharsets.UTF_8)));
			assertThat(Duration.ofNanos(arrived - posted)).isLessThan(Duration.ofSeconds(1));
			await().during(Duration.ofMillis(300))
				.atMost(Duration.ofSeconds(2))
				.untilAsserted(() -> assertThat(business.distributions()).as("another section's feed did not change")
					.isEmpty());
			assertThat(subscriber.distributions()).hasSize(1);
		}
	}

	@Test
	void anUnsubscribeIsVerifiedAndStopsDistribution() throws Exception {
		String topic = ORIGIN + "/feeds/sections/world/rss.xml";
		try (Subscriber subscriber = new Subscriber()) {
			subscribe("subscribe", topic, subscriber.callback().toString(), null, null);
			await().atMost(Duration.ofSeconds(5)).until(() -> this.subscriptions.of(topic).size() == 1);
			TestStories.story().headline("Bridge opens").publish(this.publishing);
			await().atMost(Duration.ofSeconds(1)).until(() -> subscriber.distributions().size() == 1);
			assertThat(subscriber.distributions().get(0).header("X-Hub-Signature")).as("no secret, no signature")
				.isNull();

			assertThat(subscribe("unsubscribe", topic, subscriber.callback().toString(), null, null)).isEqualTo(202);
			await().atMost(Duration.ofSeconds(5)).until(() -> this.subscriptions.of(topic).isEmpty());
			assertThat(subscriber.verifications().get(1).get("hub.mode")).isEqualTo("unsubscribe");
			TestStories.story().headline("Bridge closes").publish(this.publishing);
			await().during(Duration.ofMillis(500))
				.atMost(Duration.ofSeconds(2))
				.untilAsserted(() -> assertThat(subscriber.distributions()).hasSize(1));
		}
	}

	@Test
	void aLeaseThatEndedStopsDistribution() throws Exception {
		String topic = ORIGIN + "/feeds/atom.xml";
		Instant now = Instant.now();
		try (Subscriber ended = new Subscriber(); Subscriber leased = new Subscriber()) {
			// Verified as if ten days (the default lease) and a second ago, and
			// ten days less half a minute ago.
			this.clock.runAt(now.minus(Duration.ofDays(10)).minusSeconds(1), () -> this.hub
				.verify(this.feeds.topic(ORIGIN, topic).orElseThrow(), request(topic, ended.callback(), null)));
			this.clock.runAt(now.minus(Duration.ofDays(10)).plusSeconds(30), () -> this.hub
				.verify(this.feeds.topic(ORIGIN, topic).orElseThrow(), request(topic, leased.callback(), null)));
			assertThat(this.subscriptions.of(topic)).hasSize(2);

			TestStories.story().headline("Tide turns").publish(this.publishing);
			await().atMost(Duration.ofSeconds(1)).until(() -> leased.distributions().size() == 1);
			await().during(Duration.ofMillis(300))
				.atMost(Duration.ofSeconds(2))
				.untilAsserted(() -> assertThat(ended.distributions()).isEmpty());

			// A distribution planned before the lease ended is not sent after it, nor
			// retried. Due days ahead, so that only this test attempts it.
			Subscription subscription = this.subscriptions.of(topic)
				.stream()
				.filter((found) -> found.callback().equals(leased.callback()))
				.findFirst()
				.orElseThrow();
			this.jdbc.update(
					"insert into push_delivery (subscription_id, event, message_id, status, attempts, "
							+ "created_at, next_try_at) values (?, 'feed', 'ws_late', 'PENDING', 0, ?, ?)",
					subscription.id(), Timestamp.from(now), Timestamp.from(now.plus(Duration.ofDays(20))));
			Delivery late = this.deliveries
				.find(this.jdbc.queryForObject("select id from push_delivery where message_id = 'ws_late'", Long.class))
				.orElseThrow();
			this.clock.runAt(subscription.leaseUntil(), () -> this.outbox.attempt(late));
			Delivery failed = this.deliveries.find(late.id()).orElseThrow();
			assertThat(failed.status()).isEqualTo("FAILED");
			assertThat(failed.lastAnswer()).isEqualTo("Lease ended at " + subscription.leaseUntil());
			assertThat(leased.distributions()).hasSize(1);
		}
	}

	@Test
	void aRequestTheHubCannotTakeIsRefusedWithAMessage() throws Exception {
		String topic = ORIGIN + "/feeds/atom.xml";
		try (Subscriber subscriber = new Subscriber()) {
			String callback = subscriber.callback().toString();
			assertRefused("subscribe", ORIGIN + "/feeds/nonsense.xml", callback, null, null,
					"hub.topic must be the self URL of one of this site's feeds, e.g. http://localhost/feeds/atom.xml");
			assertRefused("subscribe", "https://elsewhere.example/feeds/atom.xml", callback, null, null,
					"hub.topic must be the self URL of one of this site's feeds, e.g. http://localhost/feeds/atom.xml");
			assertRefused("subscribe", ORIGIN + "/feeds/sections/no-such-section/atom.xml", callback, null, null,
					"hub.topic must be the self URL of one of this site's feeds, e.g. http://localhost/feeds/atom.xml");
			assertRefused("subscribe", topic, "not a url", null, null,
					"hub.callback is not a URL: Illegal character in path");
			assertRefused("subscribe", topic, callback + "#received", null, null,
					"hub.callback must be an absolute URL without a fragment");
			assertRefused("subscribe", topic, "/callback", null, null,
					"hub.callback must be an absolute URL without a fragment");
			assertRefused("subscribe", topic, "ftp://127.0.0.1/callback", null, null,
					"hub.callback refused: The URL must start with https:// or http://");
			assertRefused("subscribe", topic, "http://10.0.0.8/callback", null, null,
					"hub.callback refused: Host 10.0.0.8 resolves to 10.0.0.8, a loopback, private, link-local, "
							+ "multicast or reserved address: pushes go to public addresses only");
			assertRefused("subscribe", topic, callback, "soon", null,
					"hub.lease_seconds must be a whole number of seconds above 0");
			assertRefused("subscribe", topic, callback, "0", null,
					"hub.lease_seconds must be a whole number of seconds above 0");
			assertRefused("subscribe", topic, callback, null, "s".repeat(200),
					"hub.secret must be shorter than 200 bytes");
			assertRefused("follow", topic, callback, null, null, "hub.mode must be subscribe or unsubscribe");
			assertRefused("subscribe", null, callback, null, null, "hub.topic is missing");
			await().during(Duration.ofMillis(200))
				.atMost(Duration.ofSeconds(2))
				.untilAsserted(() -> assertThat(subscriber.verifications()).isEmpty());

			// Longer than the hub grants: granted the longest it does.
			assertThat(subscribe("subscribe", topic, callback, "99999999", "s".repeat(199))).isEqualTo(202);
			await().atMost(Duration.ofSeconds(5)).until(() -> subscriber.verifications().size() == 1);
			assertThat(subscriber.verifications().get(0).get("hub.lease_seconds")).isEqualTo("2592000");
		}
	}

	private void assertRefused(String mode, String topic, String callback, String lease, String secret, String message)
			throws Exception {
		MvcResult result = this.mvc.perform(form(mode, topic, callback, lease, secret)).andReturn();
		assertThat(result.getResponse().getStatus()).as(message).isEqualTo(400);
		assertThat(result.getResponse().getContentType()).isEqualTo("text/plain;charset=UTF-8");
		assertThat(result.getResponse().getContentAsString()).startsWith(message);
	}

	/** Posts as a subscriber does: no session, no CSRF token, form-encoded. */
	private int subscribe(String mode, String topic, String callback, String lease, String secret) throws Exception {
		return this.mvc.perform(form(mode, topic, callback, lease, secret)).andReturn().getResponse().getStatus();
	}

	private static org.springframework.test.web.servlet.RequestBuilder form(String mode, String topic, String callback,
			String lease, String secret) {
		var request = post("/websub").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("hub.mode", mode);
		if (topic != null) {
			request.param("hub.topic", topic);
		}
		request.param("hub.callback", callback);
		if (lease != null) {
			request.param("hub.lease_seconds", lease);
		}
		if (secret != null) {
			request.param("hub.secret", secret);
		}
		return request;
	}

	private static Hub.Request request(String topic, URI callback, String secret) {
		return new Hub.Request(true, topic, callback, Hub.DEFAULT_LEASE.toSeconds(), secret);
	}

	private static String hmacSha256Hex(String secret, byte[] body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(body));
	}

}
