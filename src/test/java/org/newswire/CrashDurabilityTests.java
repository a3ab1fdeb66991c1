package org.newswire;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A writethru the desk has acknowledged survives a crash of the process on the embedded
 * H2 file database: a child JVM runs the portal on the shipped embedded URL (moved to a
 * temporary directory), writethrus are posted through the real desk form, the JVM is
 * killed with SIGKILL while they stream in, and after a restart on the same files every
 * acknowledged writethru is there and the next one gets a new sequence number. The
 * restarted portal is then stopped with SIGTERM, as a service manager does, while its
 * background jobs are at work: it stops without an ERROR (issue 23: the release job
 * outlived the database, closed under it by H2's exit hook).
 */
class CrashDurabilityTests {

	/**
	 * Acknowledged writethrus before the kill, which lands while the next ones stream in
	 * and milliseconds after the last acknowledgement: the commit most at risk.
	 */
	private static final int ACKNOWLEDGED_BEFORE_KILL = 20;

	@TempDir
	Path dir;

	@Test
	void everyAcknowledgedWritethruSurvivesSigkillAndNoSequenceIsReused() throws Exception {
		String url = ChildPortal.embeddedUrl(this.dir);
		List<Integer> acknowledged = new CopyOnWriteArrayList<>();
		long articleId;

		try (ChildPortal portal = start(url, this.dir.resolve("first.log"))) {
			ChildPortal.Desk desk = portal.signIn();
			articleId = desk.publishStory();
			CountDownLatch enough = new CountDownLatch(ACKNOWLEDGED_BEFORE_KILL);
			CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
				try {
					for (int base = 1;; base++) {
						if (!desk.postWritethru(articleId, base, "Take " + (base + 1))) {
							return;
						}
						acknowledged.add(base + 1);
						enough.countDown();
					}
				}
				catch (IOException | InterruptedException ex) {
					// The process was killed mid-request: that writethru was never
					// acknowledged.
				}
			});
			assertThat(enough.await(120, TimeUnit.SECONDS)).as("writethrus acknowledged before the kill").isTrue();
			portal.kill();
			stream.get(30, TimeUnit.SECONDS);
		}
		int lastAcknowledged = acknowledged.get(acknowledged.size() - 1);

		int after;
		try (ChildPortal portal = start(url, this.dir.resolve("second.log"))) {
			ChildPortal.Desk desk = portal.signIn();
			int current = desk.currentSequence(articleId);
			assertThat(current).as("current version after restart").isGreaterThanOrEqualTo(lastAcknowledged);
			assertThat(desk.postWritethru(articleId, current, "After the restart")).isTrue();
			after = current + 1;
			portal.stop();
		}
		assertThat(Files.readString(this.dir.resolve("second.log"))).as("log of a stop by SIGTERM")
			.doesNotContain(" ERROR ")
			.doesNotContain("Database is already closed");

		Map<Integer, String> stored = headlines(url, articleId);
		for (int sequence : acknowledged) {
			assertThat(stored).as("acknowledged writethru %d", sequence).containsEntry(sequence, "Take " + sequence);
		}
		assertThat(stored).containsEntry(after, "After the restart");
		assertThat(stored.keySet()).as("sequences without gaps")
			.containsExactlyElementsOf(IntStream.rangeClosed(1, after).boxed().toList());
	}

	private static ChildPortal start(String url, Path log) throws Exception {
		// Background jobs that are always at work when a stop comes.
		return ChildPortal.start(url, log, "--newswire.release.poll=10ms", "--newswire.change-record.poll=10ms");
	}

	private static Map<Integer, String> headlines(String url, long articleId) throws Exception {
		Map<Integer, String> headlines = new LinkedHashMap<>();
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				PreparedStatement query = connection.prepareStatement(
						"select sequence_number, headline from writethru where article_id = ? order by sequence_number")) {
			query.setLong(1, articleId);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					headlines.put(rows.getInt(1), rows.getString(2));
				}
			}
		}
		return headlines;
	}

}
