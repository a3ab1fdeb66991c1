package org.newswire;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

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
 * Webhooks come from a durable outbox (issue 20): with 200 deliveries queued for one
 * endpoint, the portal's JVM is killed with SIGKILL when about half have arrived, and
 * after a restart on the same H2 files every one of the 200 arrives, signed. The client
 * and its endpoint are made through the desk's forms, the changes are writethrus posted
 * through the desk; the receiver answers 503 (Retry-After: 1) until all 200 are queued,
 * then 200 after 20 ms each, slow enough for the kill to land mid-queue (the hundred left
 * take two seconds at least, the kill milliseconds).
 */
class PushCrashTests {

	private static final int CHANGES = 200;

	private static final long ANSWER_MILLIS = 20;

	@TempDir
	Path dir;

	private final AtomicBoolean open = new AtomicBoolean();

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
	void queuedDeliveriesSurviveSigkillAndAllArriveAfterRestart() throws Exception {
		startReceiver();
		String url = ChildPortal.embeddedUrl(this.dir);
		long articleId;
		int atKill;
		try (ChildPortal portal = start(url, "first.log")) {
			ChildPortal.Desk desk = portal.signIn();
			articleId = desk.publishStory();
			addEndpoint(desk);
			for (int base = 1; base <= CHANGES; base++) {
				assertThat(desk.postWritethru(articleId, base, "Take " + (base + 1))).as("writethru %d", base + 1)
					.isTrue();
			}
			this.open.set(true);
			awaitAtLeast(CHANGES / 2, 120, portal);
			portal.kill();
			atKill = this.received.size();
		}
		assertThat(atKill).as("deliveries arrived when the kill landed").isLessThan(CHANGES);

		try (ChildPortal portal = start(url, "second.log")) {
			// The attempt the kill cut off waits out its lease (timeout 2 s + 1 s).
			awaitAtLeast(CHANGES, 120, portal);
			portal.stop();
		}
		assertThat(this.received.keySet()).as("webhook-ids arrived, each at least once")
			.isEqualTo(expectedIds(url, articleId));
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
		try {
			Thread.sleep(ANSWER_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
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
		return ChildPortal.start(url, this.dir.resolve(log), "--newswire.push.allow-http=true",
				"--newswire.push.allowed-networks=127.0.0.1/32", "--newswire.push.timeout=2s",
				"--newswire.push.lease-margin=1s");
	}

	/** One message per writethru recorded for the story, to the one endpoint. */
	private static Set<String> expectedIds(String url, long articleId) throws Exception {
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
		assertThat(ids).as("writethrus recorded").hasSize(CHANGES);
		return ids;
	}

}
