package org.newswire.wire;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newswire.TestProperties;
import org.newswire.change.ChangeFollower;
import org.newswire.change.ChangeKind;
import org.newswire.change.ChangeObserved;
import org.newswire.change.StoryState;
import org.newswire.clients.WireClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Waiting feed requests: a change wakes only those it may concern, they share what they
 * read for it, and a node holds no more than its bound.
 */
class LongPollsTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final ChangeFollower follower = mock(ChangeFollower.class);

	private final LongPolls polls = new LongPolls(this.follower, TestProperties.of("newswire.wire.max-long-polls", "2"),
			this.meters);

	@AfterEach
	void stop() {
		this.polls.stop();
	}

	@Test
	void aChangeWakesTheWaitersItMayConcernAndNoOther() throws Exception {
		given(this.follower.lastSeen()).willReturn(10L);
		this.polls.start();
		Waiter world = new Waiter(query(false, "world"), 10);
		Waiter sports = new Waiter(query(true, "sports"), 10);
		assertThat(this.polls.add(world)).isTrue();
		assertThat(this.polls.add(sports)).isTrue();

		this.polls.on(change(11, "world", null));
		this.polls.on(change(12, "sports", Instant.parse("2099-01-01T00:00:00Z")));

		assertThat(world.woken.await(1, TimeUnit.SECONDS)).isTrue();
		assertThat(sports.woken.await(1, TimeUnit.SECONDS)).as("entitled to embargoes").isTrue();
	}

	@Test
	void theWaitersOneChangeWakesReadWhatTheyAskedOnceAndTheNextChangeReadsAgain() throws Exception {
		given(this.follower.lastSeen()).willReturn(10L);
		this.polls.start();
		AtomicInteger reads = new AtomicInteger();
		Waiter first = new Waiter(query(false, "world"), 10, reads);
		Waiter second = new Waiter(query(false, "world"), 10, reads);
		this.polls.add(first);
		this.polls.add(second);

		this.polls.on(change(11, "world", null));

		assertThat(first.woken.await(1, TimeUnit.SECONDS)).isTrue();
		assertThat(second.woken.await(1, TimeUnit.SECONDS)).isTrue();
		assertThat(first.read).isEqualTo(1);
		assertThat(second.read).isEqualTo(1);

		Waiter third = new Waiter(query(false, "world"), 11, reads);
		this.polls.add(third);
		this.polls.on(change(12, "world", null));

		assertThat(third.woken.await(1, TimeUnit.SECONDS)).isTrue();
		assertThat(third.read).as("read again for the next change").isEqualTo(2);
	}

	@Test
	void anEmbargoedChangeOrAnotherSectionWakesNobody() throws Exception {
		given(this.follower.lastSeen()).willReturn(10L);
		this.polls.start();
		Waiter world = new Waiter(query(false, "world"), 10);
		this.polls.add(world);

		this.polls.on(change(11, "world", Instant.parse("2099-01-01T00:00:00Z")));
		this.polls.on(change(12, "science", null));

		assertThat(world.woken.await(300, TimeUnit.MILLISECONDS)).isFalse();
	}

	@Test
	void pastItsBoundANodeLetsNoMoreWait() {
		given(this.follower.lastSeen()).willReturn(10L);
		this.polls.start();

		assertThat(this.polls.add(new Waiter(query(false, "world"), 10))).isTrue();
		assertThat(this.polls.add(new Waiter(query(false, "world"), 10))).isTrue();
		assertThat(this.polls.add(new Waiter(query(false, "world"), 10))).isFalse();
		assertThat(this.meters.get("newswire.wire.long-poll.outcomes").tag("reason", "node-limit").counter().count())
			.isEqualTo(1);
		assertThat(this.meters.get("newswire.wire.long-polls").gauge().value()).isEqualTo(2);
	}

	private static FeedQuery query(boolean embargoAhead, String section) {
		return new FeedQuery(new WireClient(1, "Test", Set.of(section), embargoAhead, 120, "keyid"), Set.of(section),
				null, 50);
	}

	private static ChangeObserved change(long id, String section, Instant embargoUntil) {
		return new ChangeObserved(id, Set.of(ChangeKind.PUBLISHED), 7L, section,
				Instant.now().minus(Duration.ofMillis(5)), new StoryState(1, "usable", embargoUntil));
	}

	private static final class Waiter implements LongPolls.Waiter {

		private final FeedQuery query;

		private final long after;

		private final CountDownLatch woken = new CountDownLatch(1);

		private final AtomicInteger reads;

		private volatile Integer read;

		Waiter(FeedQuery query, long after) {
			this(query, after, new AtomicInteger());
		}

		/**
		 * @param reads counts the reads of its query in a round
		 */
		Waiter(FeedQuery query, long after, AtomicInteger reads) {
			this.query = query;
			this.after = after;
			this.reads = reads;
		}

		@Override
		public long after() {
			return this.after;
		}

		@Override
		public FeedQuery query() {
			return this.query;
		}

		@Override
		public boolean retry(LongPolls.Round round) {
			this.read = round.read(this.query, this.reads::incrementAndGet);
			this.woken.countDown();
			return true;
		}

	}

}
