package org.newswire.pagecache;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newswire.NewswireProperties;
import org.newswire.change.ChangeFollower;
import org.newswire.change.ChangeKind;
import org.newswire.change.ChangeObserved;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * What the purger sends an edge for the changes after its mark, and when it moves the
 * mark: the purging node's side of "once per change, retried until the edge takes it".
 */
class EdgePurgerTests {

	private final List<String> received = new CopyOnWriteArrayList<>();

	/** When each of {@link #received} arrived. */
	private final List<Instant> receivedAt = new CopyOnWriteArrayList<>();

	/** What the edge answers the next purges. */
	private final AtomicInteger status = new AtomicInteger(200);

	private final ChangeFollower follower = mock(ChangeFollower.class);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private HttpServer edge;

	private SingleConnectionDataSource database;

	private JdbcTemplate jdbc;

	private EdgePurger purger;

	@BeforeEach
	void start() throws IOException {
		this.edge = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.edge.createContext("/", (exchange) -> {
			this.receivedAt.add(Instant.now());
			this.received
				.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("xkey-softpurge"));
			exchange.sendResponseHeaders(this.status.get(), -1);
			exchange.close();
		});
		this.edge.start();
		this.database = new SingleConnectionDataSource("jdbc:h2:mem:edge-purger", "sa", "", true);
		this.jdbc = new JdbcTemplate(this.database);
		this.jdbc.execute("create table edge_purge (id int primary key, last_change_id bigint not null)");
		this.jdbc.update("insert into edge_purge (id, last_change_id) values (1, 10)");
		this.purger = purger(Clock.systemUTC(), "0s", "1s");
	}

	@AfterEach
	void stop() {
		this.edge.stop(0);
		this.database.destroy();
	}

	@Test
	void theChangesAfterTheMarkArePurgedTogetherOnceAndTheMarkMovesOn() {
		given(this.follower.recordedAfter(10)).willReturn(List.of(change(11, 1, "world"), change(12, 2, "business")));

		this.purger.purgeBatch();
		this.purger.purgeBatch();

		assertThat(this.received).containsExactly("PURGE article:1 article:2 lists section:business section:world");
		assertThat(mark()).isEqualTo(12);
		assertThat(this.meters.get("newswire.edge.purges").tag("result", "sent").counter().count()).isEqualTo(1);
	}

	@Test
	void aPurgeTheEdgeRefusedIsSentAgainAndTheMarkWaitsForIt() {
		given(this.follower.recordedAfter(10)).willReturn(List.of(change(11, 1, "world")));
		this.status.set(503);

		// Sent again by the regular run, not at once.
		assertThat(this.purger.purgeBatch()).isNull();
		assertThat(mark()).isEqualTo(10);
		this.status.set(200);
		this.purger.purgeBatch();

		assertThat(this.received).containsExactly("PURGE article:1 lists section:world",
				"PURGE article:1 lists section:world");
		assertThat(mark()).isEqualTo(11);
		assertThat(this.meters.get("newswire.edge.purges").tag("result", "failed").counter().count()).isEqualTo(1);
	}

	@Test
	void changesGoneFromTheRecordBeforeTheirPurgePurgeEverything() {
		given(this.follower.recordedAfter(10)).willReturn(List.of(change(15, 1, "world")));

		this.purger.purgeBatch();

		assertThat(this.received).containsExactly("PURGE all");
		assertThat(mark()).isEqualTo(15);
	}

	@Test
	void aTickerChangeAltersNoPageAndPurgesNothingWithoutALiveFragment() {
		given(this.follower.recordedAfter(10))
			.willReturn(List.of(new ChangeObserved(11, Set.of(ChangeKind.TICKER), null, null, Instant.now())));

		this.purger.purgeBatch();

		assertThat(this.received).isEmpty();
		assertThat(mark()).isEqualTo(11);
	}

	@Test
	void aNodeThatFollowedAChangeLatePurgesItAgainOnlyIfItsPurgeWentOutBefore() {
		this.jdbc.update("update edge_purge set last_change_id = 12 where id = 1");

		this.purger.purgeAgainIfPurged(12, Set.of("article:2"));
		this.purger.purgeAgainIfPurged(13, Set.of("article:3"));

		assertThat(this.received).containsExactly("PURGE article:2");
		assertThat(mark()).isEqualTo(12);
	}

	@Test
	void aRunThatLeavesChangesNotYetDueSaysWhenTheFirstOfThemIs() {
		Instant now = Instant.parse("2026-12-06T10:00:00Z");
		EdgePurger purger = purger(Clock.fixed(now, ZoneOffset.UTC), "1s", "1h");
		given(this.follower.recordedAfter(10)).willReturn(
				List.of(change(11, 1, "world", now.minusMillis(1500)), change(12, 2, "world", now.minusMillis(400))));
		given(this.follower.recordedAfter(11)).willReturn(List.of(change(12, 2, "world", now.minusMillis(400))));

		assertThat(purger.purgeBatch()).isEqualTo(Duration.ofMillis(600));
		assertThat(purger.purgeBatch()).isEqualTo(Duration.ofMillis(600));

		assertThat(this.received).containsExactly("PURGE article:1 lists section:world");
		assertThat(mark()).isEqualTo(11);
	}

	@Test
	void eachChangeIsPurgedItsDelayAfterItWasRecordedNotAtTheNextRegularRun() throws InterruptedException {
		// The regular run an hour away: only the changes themselves can make the purges.
		EdgePurger purger = purger(Clock.systemUTC(), "150ms", "1h");
		List<ChangeObserved> recorded = new CopyOnWriteArrayList<>();
		given(this.follower.recordedAfter(anyLong())).willAnswer(
				(call) -> recorded.stream().filter((change) -> change.id() > call.<Long>getArgument(0)).toList());
		purger.start();
		try {
			// Two changes closer together than the delay, then one on its own.
			observe(purger, recorded, 11);
			Thread.sleep(50);
			observe(purger, recorded, 12);
			await().atMost(Duration.ofSeconds(5)).until(() -> purgedAt(12) != null);
			observe(purger, recorded, 13);
			await().atMost(Duration.ofSeconds(5)).until(() -> purgedAt(13) != null);
		}
		finally {
			purger.stop();
		}
		for (ChangeObserved change : recorded) {
			// Its delay, and what a loaded machine adds to a scheduled task and a purge.
			assertThat(Duration.between(change.recordedAt(), purgedAt(change.articleId()))).as("change %d", change.id())
				.isBetween(Duration.ofMillis(150), Duration.ofMillis(650));
		}
	}

	private static void observe(EdgePurger purger, List<ChangeObserved> recorded, long id) {
		ChangeObserved change = change(id, id, "world", Instant.now());
		recorded.add(change);
		purger.on(change);
	}

	/** When the edge got the first purge of the article's tag, or {@code null}. */
	private Instant purgedAt(long articleId) {
		for (int i = 0; i < this.received.size(); i++) {
			if (List.of(this.received.get(i).split("[ ]")).contains("article:" + articleId)) {
				return this.receivedAt.get(i);
			}
		}
		return null;
	}

	private EdgePurger purger(Clock clock, String delay, String retry) {
		NewswireProperties properties = new Binder(new MapConfigurationPropertySource(
				Map.of("newswire.edge.purge-urls", "http://127.0.0.1:" + this.edge.getAddress().getPort() + "/",
						"newswire.edge.delay", delay, "newswire.edge.retry", retry)))
			.bindOrCreate("newswire", NewswireProperties.class);
		PageCache cache = new PageCache(this.follower,
				new DefaultListableBeanFactory().getBeanProvider(LiveFragment.class), clock, properties, this.meters);
		return new EdgePurger(this.jdbc, new DataSourceTransactionManager(this.database), this.follower, cache, clock,
				properties, this.meters);
	}

	private long mark() {
		return this.jdbc.queryForObject("select last_change_id from edge_purge where id = 1", Long.class);
	}

	private static ChangeObserved change(long id, long articleId, String section) {
		return change(id, articleId, section, Instant.now().minusSeconds(1));
	}

	private static ChangeObserved change(long id, long articleId, String section, Instant recordedAt) {
		return new ChangeObserved(id, Set.of(ChangeKind.WRITETHRU), articleId, section, recordedAt);
	}

}
