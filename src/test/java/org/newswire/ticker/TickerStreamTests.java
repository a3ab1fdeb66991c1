package org.newswire.ticker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newswire.BehindTheProxy;
import org.newswire.TestStories;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Publishing;
import org.newswire.article.Urgency;
import org.newswire.article.WritethruKind;
import org.newswire.ticker.SseStream.Event;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live ticker stream over real connections to the running server. Every stream comes
 * from a reader of its own: the proxy trusted on loopback names it in
 * {@code X-Forwarded-For}, as nginx does, so no test reaches one client's share of
 * streams.
 */
@BehindTheProxy
class TickerStreamTests {

	private static final Duration ONE_SECOND = Duration.ofSeconds(1);

	private static final Duration CONNECT = Duration.ofSeconds(20);

	private static final AtomicInteger serial = new AtomicInteger();

	private static final AtomicInteger readers = new AtomicInteger();

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final List<AutoCloseable> open = new ArrayList<>();

	@LocalServerPort
	int port;

	@Autowired
	TickerService ticker;

	@Autowired
	Publishing publishing;

	@Autowired
	TickerBroadcaster broadcaster;

	private int baseline;

	@BeforeEach
	void rememberOpenStreams() {
		this.baseline = this.broadcaster.subscriberCount();
	}

	@AfterEach
	void closeStreams() throws Exception {
		for (AutoCloseable stream : this.open) {
			stream.close();
		}
		// Leave no stream behind for the next test's counts.
		awaitSubscribers(this.baseline, Duration.ofSeconds(20));
	}

	@Test
	void streamStartsWithTheWholeTickerAndDeliversANewHeadlineWithinOneSecond() throws Exception {
		SseStream stream = open();
		HttpResponse.ResponseInfo response = stream.head(CONNECT);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
		Event snapshot = stream.next(TickerFrames.TICKER_EVENT, CONNECT);
		assertThat(snapshot).isNotNull();
		assertThat(stream.retry()).isEqualTo(TickerFrames.RETRY_MILLIS);
		long connectedAt = revision(snapshot);
		assertThat(snapshot.id()).isEqualTo(Long.toString(connectedAt));

		String text = headline("Night ferries resume on the harbour crossing");
		long posted = System.nanoTime();
		this.ticker.post(text, Urgency.BULLETIN, null, "ticker-test");
		Event change = stream.next(TickerFrames.TICKER_EVENT, (data) -> data.contains(text), ONE_SECOND);
		Duration took = Duration.ofNanos(System.nanoTime() - posted);

		assertThat(change).as("ticker event with the new headline").isNotNull();
		assertThat(took).isLessThan(ONE_SECOND);
		assertThat(revision(change)).isGreaterThan(connectedAt);
		Element line = headlineNamed(change, "Bulletin: " + text);
		assertThat(line.attr("data-urgency")).isEqualTo("2");
		assertThat(line.select(".ticker-urgency").text()).isEqualTo("Bulletin:");
		assertThat(line.hasClass("is-marked")).isTrue();
		assertThat(line.select("a")).as("a link for a headline without story").isEmpty();
		assertThat(Long.parseLong(line.attr("data-headline-id"))).isPositive();
	}

	@Test
	void reconnectWithLastEventIdGetsTheMissedChangeOnceAndNothingTwice() throws Exception {
		SseStream first = open();
		Event seen = first.next(TickerFrames.TICKER_EVENT, CONNECT);
		assertThat(seen).isNotNull();
		first.close();

		String missed = headline("Orchard growers report an early apple harvest");
		this.ticker.post(missed, Urgency.ROUTINE, null, "ticker-test");
		awaitRevisionAfter(revision(seen));

		SseStream again = track(SseStream.reconnect(this.client, stream(), seen.id(), reader()));
		Event caughtUp = again.next(TickerFrames.TICKER_EVENT, CONNECT);
		assertThat(caughtUp).isNotNull();
		assertThat(revision(caughtUp)).isGreaterThan(revision(seen));
		assertThat(texts(caughtUp)).containsOnlyOnce(missed).doesNotHaveDuplicates();

		String next = headline("Orchard growers expect prices to hold");
		this.ticker.post(next, Urgency.ROUTINE, null, "ticker-test");
		Event change = again.next(TickerFrames.TICKER_EVENT, (data) -> data.contains(next), ONE_SECOND);
		assertThat(change).isNotNull();
		assertThat(texts(change)).containsOnlyOnce(missed).containsOnlyOnce(next).doesNotHaveDuplicates();
		// A duplicate would follow straight behind.
		await().during(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(again.pending()).as("events after the change").isEmpty());
	}

	@Test
	void writethruReplacesItsArticlesHeadlineAndAnnouncesTheNewVersion() throws Exception {
		SseStream stream = open();
		assertThat(stream.next(TickerFrames.TICKER_EVENT, CONNECT)).isNotNull();
		String original = headline("Tram line extension opens to riders");
		ArticleSummary article = TestStories.story()
			.section("business")
			.slugline("Tram-Extension")
			.dateline("LAKEVIEW, Nov. 26 (Newswire) --")
			.byline("By Ivo Marsh")
			.urgency(Urgency.ROUTINE)
			.headline(original)
			.paragraphs("The extended tram line opened on Wednesday.", "Riders filled the first cars.")
			.ednote("Eds: first publication")
			.editor("ticker-test")
			.publish(this.publishing);
		long id = article.id();
		Event published = stream.next(TickerFrames.ARTICLE_EVENT, ONE_SECOND);
		assertThat(published).isNotNull();

		String updated = headline("Tram line extension draws record crowds");
		ArticleSummary second = TestStories.writethru(WritethruKind.LD_WRITETHRU)
			.headline(updated)
			.paragraphs("Record crowds rode the extended tram line on Wednesday.")
			.ednote("Eds: UPDATES with crowds")
			.byline("By Ivo Marsh")
			.urgency(Urgency.ROUTINE)
			.editor("ticker-test")
			.post(this.publishing, id, 1);

		// The snapshot goes out before the announcement that points readers to it.
		Event snapshot = stream.next(TickerFrames.TICKER_EVENT, (data) -> data.contains(updated), ONE_SECOND);
		assertThat(snapshot).isNotNull();
		assertThat(items(snapshot).select("a[href=\"" + second.path() + "\"]")).singleElement()
			.satisfies((link) -> assertThat(link.text()).isEqualTo("LD Writethru: " + updated));

		Event announced = stream.next(TickerFrames.ARTICLE_EVENT, (data) -> data.contains(updated), ONE_SECOND);
		assertThat(announced).isNotNull();
		JsonNode update = this.json.readTree(announced.data());
		assertThat(update.get("articleId").asLong()).isEqualTo(id);
		assertThat(update.get("sequence").asInt()).isEqualTo(2);
		assertThat(update.get("headline").asString()).isEqualTo("LD Writethru: " + updated);
		assertThat(update.get("path").asString()).isEqualTo(second.path());
		assertThat(update.get("message").asString())
			.isEqualTo("This story has been updated: LD Writethru: " + updated + ".");
		assertThat(update.get("linkText").asString()).isEqualTo("Read the latest version");
	}

	@Test
	void aFlashStoryRaisesAnAlertWithinOneSecondABulletinWritethruANewOneARoutineStoryNone() throws Exception {
		SseStream stream = open();
		assertThat(stream.next(TickerFrames.TICKER_EVENT, CONNECT)).isNotNull();
		String routine = headline("Tide tables revised for the winter");
		ArticleSummary routineStory = TestStories.story()
			.urgency(Urgency.ROUTINE)
			.headline(routine)
			.publish(this.publishing);
		assertThat(stream.next(TickerFrames.TICKER_EVENT, (data) -> data.contains(routine), ONE_SECOND)).isNotNull();
		assertThat(stream.next(TickerFrames.ALERT_EVENT, Duration.ofMillis(500))).as("alert for a routine story")
			.isNull();

		String quake = headline("Quake strikes off Cape Tarrow");
		long posted = System.nanoTime();
		ArticleSummary flash = TestStories.story().urgency(Urgency.FLASH).headline(quake).publish(this.publishing);
		try {
			Event raised = stream.next(TickerFrames.ALERT_EVENT, ONE_SECOND);
			assertThat(raised).as("alert event").isNotNull();
			assertThat(Duration.ofNanos(System.nanoTime() - posted)).isLessThan(ONE_SECOND);
			JsonNode alert = this.json.readTree(raised.data());
			assertThat(alert.get("urgency").asInt()).isEqualTo(1);
			assertThat(alert.get("level").asString()).isEqualTo("Flash");
			assertThat(alert.get("headline").asString()).isEqualTo(quake);
			assertThat(alert.get("url").asString()).isEqualTo(flash.path());

			String update = headline("Quake off Cape Tarrow, no tsunami expected");
			ArticleSummary bulletin = TestStories.writethru(WritethruKind.LD_WRITETHRU)
				.headline(update)
				.urgency(Urgency.BULLETIN)
				.post(this.publishing, flash);
			Event again = stream.next(TickerFrames.ALERT_EVENT, ONE_SECOND);
			assertThat(again).as("alert event for the writethru").isNotNull();
			JsonNode writethru = this.json.readTree(again.data());
			assertThat(writethru.get("id").asLong()).isNotEqualTo(alert.get("id").asLong());
			assertThat(writethru.get("level").asString()).isEqualTo("Bulletin");
			assertThat(writethru.get("headline").asString()).isEqualTo("LD Writethru: " + update);
			assertThat(writethru.get("url").asString()).isEqualTo(bulletin.path());

			// A page opened now gets the standing alert with its first ticker.
			SseStream late = open();
			assertThat(late.next(TickerFrames.ALERT_EVENT, again.data()::equals, CONNECT)).isNotNull();
		}
		finally {
			this.publishing.kill(flash.id(), "Withdrawn.", "ticker-test");
			this.publishing.kill(routineStory.id(), "Withdrawn.", "ticker-test");
		}
	}

	@Test
	void aStoryOnHoldLeavesTheStreamedTickerAndComesBackWhenReleased() throws Exception {
		SseStream stream = open();
		assertThat(stream.next(TickerFrames.TICKER_EVENT, CONNECT)).isNotNull();
		String text = headline("Harbour crane topples in high wind");
		ArticleSummary story = TestStories.story()
			.urgency(Urgency.ROUTINE)
			.headline(text)
			.editor("ticker-test")
			.publish(this.publishing);
		assertThat(stream.next(TickerFrames.TICKER_EVENT, (data) -> data.contains(text), ONE_SECOND)).isNotNull();

		this.publishing.hold(story.id(), "Checking who owns the crane.", "ticker-test");

		assertThat(stream.next(TickerFrames.TICKER_EVENT, (data) -> !data.contains(text), ONE_SECOND))
			.as("snapshot without the held story")
			.isNotNull();
		Event late = open().next(TickerFrames.TICKER_EVENT, CONNECT);
		assertThat(texts(late)).as("a reader connecting while it is held").doesNotContain(text);

		this.publishing.releaseHold(story.id(), "ticker-test");

		assertThat(stream.next(TickerFrames.TICKER_EVENT, (data) -> data.contains(text), ONE_SECOND))
			.as("snapshot with the released story")
			.isNotNull();
	}

	@Test
	void twoHundredFiftyOpenStreamsAllGetTheChangeAndPagesStillAnswer() throws Exception {
		int streams = 250;
		List<SseStream> all = new ArrayList<>();
		for (int i = 0; i < streams; i++) {
			all.add(open());
		}
		for (SseStream stream : all) {
			assertThat(stream.next(TickerFrames.TICKER_EVENT, CONNECT)).as("snapshot on connect").isNotNull();
		}
		assertThat(this.broadcaster.subscriberCount()).isGreaterThanOrEqualTo(this.baseline + streams);

		// More open streams than Tomcat has request threads (200), and a page still
		// comes.
		long asked = System.nanoTime();
		HttpResponse<String> page = this.client.send(HttpRequest.newBuilder(URI.create(base() + "/js/ticker-live.js"))
			.timeout(Duration.ofSeconds(5))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("EventSource");
		assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(2));

		String text = headline("Coastal rail timetable changes from Monday");
		this.ticker.post(text, Urgency.URGENT, null, "ticker-test");
		List<SseStream> waiting = new ArrayList<>(all);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			waiting.removeIf(
					(stream) -> stream.received(TickerFrames.TICKER_EVENT, (data) -> data.contains(text)) != null);
			assertThat(waiting).as("streams still without the change").isEmpty();
		});
	}

	@Test
	void aClientThatDisconnectsIsRemoved() throws Exception {
		try (RawStream socket = rawStream()) {
			socket.readUntil("event:" + TickerFrames.TICKER_EVENT);
			assertThat(this.broadcaster.subscriberCount()).isEqualTo(this.baseline + 1);
		}
		awaitSubscribers(this.baseline, Duration.ofSeconds(10));
		assertThat(this.broadcaster.subscriberCount()).isEqualTo(this.baseline);
	}

	@Test
	void aClientThatNeverReadsDoesNotHoldUpTheOthers() throws Exception {
		try (RawStream silent = rawStream()) {
			SseStream reader = open();
			assertThat(reader.next(TickerFrames.TICKER_EVENT, CONNECT)).isNotNull();
			for (int i = 0; i < 5; i++) {
				String text = headline("Library opens late on weekdays, notice " + i);
				this.ticker.post(text, Urgency.DAILY, null, "ticker-test");
				assertThat(reader.next(TickerFrames.TICKER_EVENT, (data) -> data.contains(text), ONE_SECOND))
					.as("change %d", i)
					.isNotNull();
			}
		}
	}

	private SseStream open() {
		return track(SseStream.open(this.client, stream(), reader()));
	}

	/** The forwarded-for header of a reader nobody has been yet. */
	private static String[] reader() {
		int reader = readers.incrementAndGet();
		return new String[] { "X-Forwarded-For", "10.1." + (reader / 256 % 256) + "." + (reader % 256) };
	}

	private SseStream track(SseStream stream) {
		this.open.add(stream);
		return stream;
	}

	/** A stream on a plain socket that reads nothing unless the test does. */
	private RawStream rawStream() throws IOException {
		String[] reader = reader();
		return RawStream.get(this.port, reader[0] + ": " + reader[1]);
	}

	/** Heartbeats find gone clients: the write to a closed connection fails. */
	private void awaitSubscribers(int expected, Duration timeout) {
		await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
			this.broadcaster.heartbeat();
			return this.broadcaster.subscriberCount() <= expected;
		});
	}

	/** Waits until the broadcaster has moved past a revision, so a reconnect sees it. */
	private void awaitRevisionAfter(long revision) throws Exception {
		try (SseStream probe = SseStream.open(this.client, stream(), reader())) {
			Event event = probe.next(TickerFrames.TICKER_EVENT, (data) -> revision(data) > revision, CONNECT);
			assertThat(event).isNotNull();
		}
	}

	private long revision(Event event) {
		return revision(event.data());
	}

	private long revision(String data) {
		return this.json.readTree(data).get("revision").asLong();
	}

	/** The ticker's items, as the page swaps them in. */
	private Elements items(Event event) {
		return Jsoup.parseBodyFragment(this.json.readTree(event.data()).get("html").asString()).select("li");
	}

	private List<String> texts(Event event) {
		return items(event).eachText();
	}

	private Element headlineNamed(Event event, String text) {
		return items(event).stream()
			.filter((line) -> line.text().equals(text))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No headline " + text + " in " + event.data()));
	}

	private static String headline(String words) {
		return words + " (" + serial.incrementAndGet() + ")";
	}

	private URI stream() {
		return URI.create(base() + TickerStreamController.PATH);
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
