package org.newswire;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs every {@link StartupStep} after the context is built and before the public web
 * server opens its port: its phase is just below that of Spring Boot's
 * {@code WebServerStartStopLifecycle}, which starts the connector. Until the steps are
 * done the public port refuses connections, while the management port (started first,
 * here) already answers and reports readiness DOWN; readiness turns UP once the
 * application is ready.
 * <p>
 * Steps that write shared data run in one transaction holding the {@code startup} row of
 * {@code node_lock} (see {@code V6__desk_sessions_node_locks.sql}), so nodes starting
 * together on one database do them one after another.
 */
@Component
class StartupGate implements SmartLifecycle {

	/** {@code WebServerStartStopLifecycle} starts the public connector in this phase. */
	static final int WEB_SERVER_PHASE = SmartLifecycle.DEFAULT_PHASE - 2048;

	/**
	 * The actuator's separate management server, started by this Spring Boot bean in a
	 * later phase unless started earlier; absent when management shares the public port.
	 */
	private static final String MANAGEMENT_SERVER = "childManagementContextInitializer";

	private static final Logger log = LoggerFactory.getLogger(StartupGate.class);

	private final ApplicationContext context;

	private final ObjectProvider<StartupStep> steps;

	private final TransactionTemplate transaction;

	private final JdbcTemplate jdbc;

	private volatile boolean running;

	StartupGate(ApplicationContext context, ObjectProvider<StartupStep> steps, TransactionTemplate transaction,
			JdbcTemplate jdbc) {
		this.context = context;
		this.steps = steps;
		this.transaction = transaction;
		this.jdbc = jdbc;
	}

	@Override
	public void start() {
		startManagementServer();
		long started = System.nanoTime();
		List<StartupStep> ordered = this.steps.orderedStream().toList();
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.queryForObject("select name from node_lock where name = 'startup' for update", String.class);
			ordered.stream().filter(StartupStep::writesSharedData).forEach(StartupStep::run);
		});
		ordered.stream().filter((step) -> !step.writesSharedData()).forEach(StartupStep::run);
		this.running = true;
		log.info("Start-up work done in {} ms; opening the public port",
				Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

	private void startManagementServer() {
		if (this.context.containsBean(MANAGEMENT_SERVER)) {
			this.context.getBean(MANAGEMENT_SERVER, SmartLifecycle.class).start();
		}
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return WEB_SERVER_PHASE - 1;
	}

}
