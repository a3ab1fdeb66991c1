package org.newswire.clients;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * When the database cannot decide, every request waiting on that decision learns it, and
 * the next requests are decided again rather than waiting for ever.
 */
class KeyGateFailureTests {

	private static final String KEY = "nwk_abcdefghijkl_" + "A".repeat(43);

	@Test
	void everyRequestWaitingOnAFailedDecisionGetsTheFailureAndTheGateGoesOn() throws Exception {
		Database database = new Database();
		KeyGate gate = new KeyGate(database, new Transactions(), Clock.systemUTC());
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<KeyGate.Decision>> decisions = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				decisions.add(threads.submit(() -> {
					start.await();
					return gate.admit(KEY);
				}));
			}
			start.countDown();
			for (Future<KeyGate.Decision> decision : decisions) {
				assertThatExceptionOfType(Exception.class).isThrownBy(() -> decision.get(10, TimeUnit.SECONDS))
					.havingCause()
					.isInstanceOf(DataAccessResourceFailureException.class);
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(database.asked).isGreaterThanOrEqualTo(1);
		int before = database.asked;
		assertThatExceptionOfType(DataAccessResourceFailureException.class).isThrownBy(() -> gate.admit(KEY));
		assertThat(database.asked).isEqualTo(before + 1);
	}

	/** A database that is down. */
	private static final class Database extends JdbcTemplate {

		volatile int asked;

		@Override
		public void query(String sql, RowCallbackHandler handler, Object... args) {
			this.asked++;
			throw new DataAccessResourceFailureException("The database is down");
		}

	}

	private static final class Transactions implements PlatformTransactionManager {

		@Override
		public TransactionStatus getTransaction(TransactionDefinition definition) {
			return new SimpleTransactionStatus();
		}

		@Override
		public void commit(TransactionStatus status) {
		}

		@Override
		public void rollback(TransactionStatus status) {
		}

	}

}
