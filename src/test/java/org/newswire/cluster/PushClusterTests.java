package org.newswire.cluster;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newswire.DeskFixtures;
import org.newswire.TestPostgres;
import org.newswire.TestStories;
import org.newswire.article.Publishing;
import org.newswire.clients.ClientAccounts;
import org.newswire.feed.FeedDocuments;
import org.newswire.items.ItemFormat;
import org.newswire.push.Endpoints;
import org.newswire.push.Receiver;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on one PostgreSQL share one outbox: every change is planned once, and every
 * delivery (webhook or WebSub distribution) is attempted once, whichever node takes it,
 * in change order per endpoint.
 */
class PushClusterTests {

	private static final int ENDPOINTS = 10;

	private static final int STORIES = 30;

	private static final String TOPIC = "http://localhost/feeds/atom.xml";

	private static Node a;

	private static Node b;

	@BeforeAll
	static void startTogether() {
		TestPostgres db = TestPostgres.required().emptySchema("cluster_push");
		String[] push = { "--newswire.push.allow-http=true", "--newswire.push.allowed-networks=127.0.0.0/8" };
		List<Node> nodes = Node.startTogether(db, push);
		a = nodes.get(0);
		b = nodes.get(1);
	}

	@AfterAll
	static void stop() {
		Node.closeAll(a, b);
	}

	@Test
	void everyDeliveryIsAttemptedOnceWhicheverNodeTakesIt() throws Exception {
		JdbcTemplate jdbc = a.context().getBean(JdbcTemplate.class);
		long client = a.context()
			.getBean(ClientAccounts.class)
			.create(new ClientAccounts.NewClient("Cluster client", "desk@client.example", Set.of("world"), false, 120),
					"chief");
		List<Receiver> receivers = new ArrayList<>();
		Receiver subscriber = new Receiver();
		jdbc.update(
				"insert into websub_subscription (topic, feed_tag, callback, lease_until, state, created_at) "
						+ "values (?, 'lists', ?, ?, 'ACTIVE', ?)",
				TOPIC, subscriber.url().toString(), Timestamp.from(Instant.now().plus(Duration.ofDays(1))),
				Timestamp.from(Instant.now()));
		try {
			for (int i = 0; i < ENDPOINTS; i++) {
				Receiver receiver = new Receiver();
				receivers.add(receiver);
				// Half made through each node: both plan and both send.
				Node node = (i % 2 == 0) ? a : b;
				node.context()
					.getBean(Endpoints.class)
					.create(client, receiver.url(), Set.of("published"), ItemFormat.NINJS_2, "chief");
			}
			for (int i = 0; i < STORIES; i++) {
				Node node = (i % 2 == 0) ? a : b;
				TestStories.story()
					.slugline(DeskFixtures.unique("Cluster"))
					.publish(node.context().getBean(Publishing.class));
			}
			await().atMost(Duration.ofSeconds(30))
				.until(() -> receivers.stream().allMatch((receiver) -> receiver.requests().size() >= STORIES));
			// No attempt made twice arrives late.
			await().during(Duration.ofSeconds(1))
				.atMost(Duration.ofSeconds(3))
				.until(() -> receivers.stream().allMatch((receiver) -> receiver.requests().size() == STORIES));
			for (Receiver receiver : receivers) {
				List<String> ids = receiver.requests().stream().map((request) -> request.header("webhook-id")).toList();
				assertThat(ids).hasSize(STORIES).doesNotHaveDuplicates();
				List<Long> changes = ids.stream().map((id) -> Long.parseLong(id.split("_")[1])).toList();
				assertThat(changes).isSorted();
			}
			assertThat(jdbc
				.queryForObject("select count(*) from push_delivery where attempts = 1 and status = 'DELIVERED' "
						+ "and endpoint_id is not null", Integer.class))
				.isEqualTo(ENDPOINTS * STORIES);

			// WebSub distributions share the outbox: planned once per change at most (one
			// waiting carries later changes too), each sent once, the last with the feed
			// as it ends up.
			assertThat(jdbc.queryForObject("select count(*) - count(distinct change_id) from push_delivery "
					+ "where subscription_id is not null", Integer.class))
				.isZero();
			assertThat(subscriber.requests())
				.hasSize(jdbc.queryForObject("select count(*) from push_delivery where subscription_id is not null "
						+ "and attempts = 1 and status = 'DELIVERED'", Integer.class));
			assertThat(subscriber.requests().get(subscriber.requests().size() - 1).body())
				.isEqualTo(new String(a.context().getBean(FeedDocuments.class).document(TOPIC).orElseThrow().body(),
						StandardCharsets.UTF_8));
		}
		finally {
			receivers.forEach(Receiver::close);
			subscriber.close();
		}
	}

}
