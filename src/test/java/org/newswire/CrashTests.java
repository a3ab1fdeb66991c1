package org.newswire;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the portal has acknowledged survives a SIGKILL of its JVM on the embedded H2 file
 * database (the shipped URL, moved to a temporary directory), and so do the webhooks due
 * for it (issue 20's durable outbox). A client and its endpoint are made through the
 * desk's forms and 200 writethrus posted through the desk while the receiver answers 503
 * (Retry-After: 1). Then the receiver opens, answering 200 after 20 ms each until the
 * kill (at once after it), and more writethrus stream in while the deliveries go out; the
 * JVM is killed when about half have arrived (the hundred left take two seconds at least,
 * the kill milliseconds), so the kill lands mid-queue and milliseconds after a
 * writethru's acknowledgement, the commit most at risk. After a restart on the same files
 * every acknowledged writethru is there, the next one gets the next sequence number, and
 * a webhook for every writethru recorded arrives, signed. The restarted portal is stopped
 * with SIGTERM, as a service manager does, while its background jobs are at work: it
 * stops without an ERROR (issue 23: the release job outlived the database, closed under
 * it by H2's exit hook). The writethrus and the webhooks share the one portal killed and
 * restarted: each start of a child JVM costs seconds of the build's CPU.
 */
class CrashTests {

	private static final int QUEUED = 200;

	private static final long ANSWER_MILLIS = 20;

	@TempDir
	Path dir;

	private final AtomicBoolean open = new AtomicBoolean();

	/** Answers are slowed down until the kill, only to make it land mid-queue. */
	private final AtomicBoolean slow = new AtomicBoolean(true);

	private final AtomicReference<Webhook> verifier = new AtomicReference<>();

	/**
	 * Each {@code webhook-id} answered with a 2xx, and whether its every copy verified.
	 */
	private final Map<String, Boolean> received = new ConcurrentHashMap<>();

	private final ExecutorService receiving = Executors.newFixedThreadPool(4);

	private HttpServer receiver;

	@AfterEach
	void stopReceiver() {
		if (this.receiver != null) {
			this.receiver.stop(0);
		}
		this.receiving.shutdownNow();
	}

	@Test
	void acknowledgedWritethrusAndTheirWebhooksSurviveSigkill() throws Exception {
		startReceiver();
		String url = ChildPortal.embeddedUrl(this.dir);
		List<Integer> acknowledged = new CopyOnWriteArrayList<>();
		long articleId;
		int atKill;
		try (ChildPortal portal = start(url, "first.log")) {
			ChildPortal.Desk desk = portal.signIn();
			articleId = desk.publishStory();
			addEndpoint(desk);
			for (int base = 1; base <= QUEUED; base++) {
				assertThat(desk.postWritethru(articleId, base, "Take " + (base + 1))).as("writethru %d", base + 1)
					.isTrue();
				acknowledged.add(base + 1);
			}
			this.open.set(true);
			CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
				try {
					for (int base = QUEUED + 1;; base++) {
						if (!desk.postWritethru(articleId, base, "Take " + (base + 1))) {
							return;
						}
						acknowledged.add(base + 1);
					}
				}
				catch (IOException | InterruptedException ex) {
					// The process was killed mid-request: that writethru was never
					// acknowledged.
				}
			});
			awaitAtLeast(QUEUED / 2, 120, portal);
			portal.kill();
			this.slow.set(false);
			atKill = this.received.size();
			stream.get(30, TimeUnit.SECONDS);
		}
		assertThat(atKill).as("deliveries arrived when the kill landed").isLessThan(QUEUED);
		assertThat(acknowledged).as("writethrus acknowledged while the deliveries went out").hasSizeGreaterThan(QUEUED);
		int lastAcknowledged = acknowledged.get(acknowledged.size() - 1);

		int after;
		try (ChildPortal portal = start(url, "second.log")) {
			ChildPortal.Desk desk = portal.signIn();
			int current = desk.currentSequence(articleId);
			assertThat(current).as("current version after restart").isGreaterThanOrEqualTo(lastAcknowledged);
			assertThat(desk.postWritethru(articleId, current, "After the restart")).isTrue();
			after = current + 1;
			// Sequences 2 to after are writethrus, each due to the endpoint; the attempt
			// the
			// kill cut off waits out its lease (timeout 2 s + 1 s).
			awaitAtLeast(after - 1, 120, portal);
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
		assertThat(this.received.keySet()).as("webhook-ids arrived, each at least once")
			.isEqualTo(expectedIds(url, articleId, after - 1));
		assertThat(this.received).as("signature verified").doesNotContainValue(false);
	}

	private void startReceiver() throws IOException {
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.setExecutor(this.receiving);
		this.receiver.createContext("/", this::answer);
		this.receiver.start();
	}

	private void answer(HttpExchange exchange) throws IOException {
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		if (!this.open.get()) {
			exchange.getResponseHeaders().add("Retry-After", "1");
			exchange.sendResponseHeaders(503, -1);
			exchange.close();
			return;
		}
		if (this.slow.get()) {
			try {
				Thread.sleep(ANSWER_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		boolean verified;
		try {
			this.verifier.get().verify(body, exchange.getRequestHeaders());
			verified = true;
		}
		catch (WebhookVerificationException ex) {
			verified = false;
		}
		this.received.merge(exchange.getRequestHeaders().getFirst("webhook-id"), verified, Boolean::logicalAnd);
		exchange.sendResponseHeaders(204, -1);
		exchange.close();
	}

	/**
	 * A client receiving the world section and its endpoint, through the desk's forms.
	 */
	private void addEndpoint(ChildPortal.Desk desk) throws Exception {
		RenderedForm client = desk.form("/desk/clients", "/desk/clients")
			.type("name", "Crash Receiver")
			.type("contact", "desk@receiver.example");
		client.page().select("input[name=sections][value=world]").attr("checked", "checked");
		HttpResponse<String> created = desk.submit(client, "/desk/clients");
		assertThat(created.statusCode()).as("client created").isEqualTo(302);
		String clientPage = created.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		String action = clientPage + "/endpoints/new";
		RenderedForm endpoint = desk.form(action, action)
			.type("url", "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/hook");
		HttpResponse<String> shown = desk.submit(endpoint, action);
		assertThat(shown.statusCode()).as("endpoint added").isEqualTo(200);
		this.verifier.set(new Webhook(Jsoup.parse(shown.body()).getElementById("secret").text()));
	}

	private void awaitAtLeast(int count, int seconds, ChildPortal portal) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		while (this.received.size() < count && System.nanoTime() < deadline) {
			assertThat(portal.process().isAlive()).as("portal running; log:%n%s", portal.logTail()).isTrue();
			Thread.sleep(20);
		}
		assertThat(this.received.size()).as("deliveries arrived within %d s", seconds).isGreaterThanOrEqualTo(count);
	}

	private ChildPortal start(String url, String log) throws Exception {
		// Background jobs that are always at work when the stop comes.
		return ChildPortal.start(url, this.dir.resolve(log), "--newswire.push.allow-http=true",
				"--newswire.push.allowed-networks=127.0.0.1/32", "--newswire.push.timeout=2s",
				"--newswire.push.lease-margin=1s", "--newswire.release.poll=10ms",
				"--newswire.change-record.poll=10ms");
	}

	/** One message per writethru recorded for the story, to the one endpoint. */
	private static Set<String> expectedIds(String url, long articleId, int writethrus) throws Exception {
		Set<String> ids = new TreeSet<>();
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				PreparedStatement query = connection.prepareStatement("select c.id, e.id from change_record c "
						+ "cross join push_endpoint e where c.article_id = ? and c.kinds like '%WRITETHRU%'")) {
			query.setLong(1, articleId);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					ids.add("nw_" + rows.getLong(1) + "_" + rows.getLong(2));
				}
			}
		}
		assertThat(ids).as("writethrus recorded").hasSize(writethrus);
		return ids;
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
