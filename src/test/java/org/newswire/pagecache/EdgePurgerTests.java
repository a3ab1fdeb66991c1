package org.newswire.pagecache;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
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
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * What the purger sends an edge for the changes after its mark, and when it moves the
 * mark: the purging node's side of "once per change, retried until the edge takes it".
 */
class EdgePurgerTests {

	private final List<String> received = new CopyOnWriteArrayList<>();

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
		NewswireProperties properties = new Binder(new MapConfigurationPropertySource(Map.of("newswire.edge.purge-urls",
				"http://127.0.0.1:" + this.edge.getAddress().getPort() + "/", "newswire.edge.delay", "0s")))
			.bindOrCreate("newswire", NewswireProperties.class);
		PageCache cache = new PageCache(this.follower,
				new DefaultListableBeanFactory().getBeanProvider(LiveFragment.class), Clock.systemUTC(), properties,
				this.meters);
		this.purger = new EdgePurger(this.jdbc, new DataSourceTransactionManager(this.database), this.follower, cache,
				Clock.systemUTC(), properties, this.meters);
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

		assertThat(this.purger.purgeBatch()).isFalse();
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

	private long mark() {
		return this.jdbc.queryForObject("select last_change_id from edge_purge where id = 1", Long.class);
	}

	private static ChangeObserved change(long id, long articleId, String section) {
		return new ChangeObserved(id, Set.of(ChangeKind.WRITETHRU), articleId, section, Instant.now().minusSeconds(1));
	}

}
