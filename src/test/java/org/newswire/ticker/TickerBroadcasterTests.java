package org.newswire.ticker;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newswire.article.Urgency;
import org.newswire.change.ChangeKind;
import org.newswire.change.ChangeObserved;
import org.newswire.ticker.SseStream.Event;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * How the broadcaster treats slow, stuck and gone clients, with emitters that stand in
 * for their sockets.
 */
class TickerBroadcasterTests {

	private static final Duration WAIT = Duration.ofSeconds(2);

	private final TickerService ticker = mock(TickerService.class);

	private final JsonMapper json = JsonMapper.builder().build();

	private final AtomicLong nextHeadlineId = new AtomicLong(1);

	private final AtomicLong nextChangeId = new AtomicLong(1);

	private final CountDownLatch unblock = new CountDownLatch(1);

	private final AtomicInteger nextClient = new AtomicInteger();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private TickerBroadcaster broadcaster;

	private TickerMetrics metrics;

	private TickerStreamController controller;

	@BeforeEach
	void start() throws InterruptedException {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("live.updated", Locale.ENGLISH, "This story has been updated: {0}.");
		messages.addMessage("live.readLatest", Locale.ENGLISH, "Read the latest version");
		messages.addMessage("ticker.urgency", Locale.ENGLISH, "{0}:");
		given(this.ticker.lines()).willReturn(lines("Ferry timetable published"));
		Clock clock = Clock.fixed(Instant.parse("2026-11-26T09:00:00Z"), ZoneOffset.UTC);
		// Three streams, two per client; heartbeats are driven by the tests; a write may
		// hang 200 ms; two sender threads.
		this.broadcaster = new TickerBroadcaster(this.ticker,
				new TickerFrames(markup(messages), this.json, messages, clock), new TickerBroadcaster.Limits(3, 2,
						Duration.ofMinutes(1), Duration.ofHours(1), 4, Duration.ofMillis(200), 2));
		this.metrics = new TickerMetrics(this.broadcaster, this.meters);
		this.controller = new TickerStreamController(this.broadcaster, this.metrics);
		this.broadcaster.start();
		// Every stream then starts with a ticker; the first render loads the template.
		await().atMost(Duration.ofSeconds(20)).until(() -> this.broadcaster.snapshot().isPresent());
	}

	/** The ticker's own fragment, rendered as the application renders it. */
	private static TickerMarkup markup(MessageSource messages) {
		ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
		templates.setPrefix("templates/");
		templates.setSuffix(".html");
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(templates);
		engine.setTemplateEngineMessageSource(messages);
		return new TickerMarkup(engine);
	}

	@AfterEach
	void stop() {
		this.unblock.countDown();
		this.broadcaster.stop();
	}

	@Test
	void newSubscriberStartsWithTheCurrentTickerAndEveryChangeFollows() throws Exception {
		RecordingEmitter reader = new RecordingEmitter();
		assertThat(register(reader)).isTrue();
		String first = reader.next();
		assertThat(first).contains("event:ticker", "retry:3000");
		assertThat(items(first)).extracting(Element::outerHtml)
			.containsExactly("<li class=\"ticker-item\" data-headline-id=\"1\" data-urgency=\"4\"><span>"
					+ "Ferry timetable published</span></li>");

		change("Storm warning for the northern coast");
		String second = reader.next();
		assertThat(items(second)).extracting(Element::text).containsExactly("Storm warning for the northern coast");
		assertThat(revisionOf(second)).isGreaterThan(revisionOf(first));
	}

	@Test
	void anUnchangedTickerSendsNothing() throws Exception {
		RecordingEmitter reader = new RecordingEmitter();
		register(reader);
		reader.next();
		this.broadcaster.on(new ChangeObserved(this.nextChangeId.getAndIncrement(), Set.of(ChangeKind.TICKER), null,
				null, Instant.now()));
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(reader.frames::isEmpty);
	}

	@Test
	void aClientThatStopsReadingDoesNotDelayOthersAndIsDroppedWhenTooFarBehind() throws Exception {
		StuckEmitter stuck = new StuckEmitter();
		RecordingEmitter reader = new RecordingEmitter();
		register(stuck);
		register(reader);
		reader.next();
		change("Harbour update number 0");
		assertThat(stuck.writing.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		reader.next();

		// The stuck client can hold four more frames; the fifth change drops it.
		for (int i = 1; i <= 5; i++) {
			change("Harbour update number " + i);
			assertThat(reader.next()).contains("Harbour update number " + i);
		}
		// The fifth broadcast drops the stuck client, in the same pass that may reach the
		// reader first: the open streams are a set without order.
		await().atMost(WAIT).until(() -> this.broadcaster.subscriberCount() == 1);
	}

	@Test
	void aClientWhoseWriteHangsIsDroppedAtTheNextHeartbeat() throws Exception {
		StuckEmitter stuck = new StuckEmitter();
		register(stuck);
		this.broadcaster.heartbeat();
		assertThat(stuck.writing.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		this.broadcaster.heartbeat();
		assertThat(this.broadcaster.subscriberCount()).as("not yet past the write limit").isEqualTo(1);

		await().atMost(WAIT).until(() -> {
			this.broadcaster.heartbeat();
			return this.broadcaster.subscriberCount() == 0;
		});
	}

	@Test
	void aClientThatIsGoneIsRemovedOnTheNextWrite() throws Exception {
		register(new GoneEmitter());
		change("Ferry timetable revised");
		await().atMost(WAIT).until(() -> this.broadcaster.subscriberCount() == 0);
	}

	@Test
	void refusesStreamsBeyondTheNodeLimitWithServiceUnavailable() {
		for (int i = 0; i < 3; i++) {
			assertThat(register(new RecordingEmitter())).isTrue();
		}
		ResponseEntity<SseEmitter> refused = this.controller.stream(from("192.0.2.200"));
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("60");
		assertThat(refused.getBody()).isNull();
		assertThat(this.broadcaster.subscriberCount()).isEqualTo(3);
		assertThat(refusedCount("node-limit")).isEqualTo(1);
	}

	@Test
	void oneClientGetsItsShareThenTooManyRequestsWhileAnotherStillGetsAStream() {
		MockHttpServletRequest client = from("198.51.100.7");
		assertThat(this.controller.stream(client).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.controller.stream(client).getStatusCode()).isEqualTo(HttpStatus.OK);

		ResponseEntity<SseEmitter> refused = this.controller.stream(client);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
		assertThat(refused.getHeaders().getCacheControl()).isEqualTo("no-store");
		assertThat(refusedCount("client-limit")).isEqualTo(1);
		assertThat(this.controller.stream(from("198.51.100.8")).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.broadcaster.subscriberCount()).isEqualTo(3);
	}

	@Test
	void anIpv6ClientIsItsSlash64AndAnIpv4AddressWrittenAsIpv6IsThatAddress() {
		assertThat(this.broadcaster.register(new RecordingEmitter(), "2001:db8:7:1:0:0:0:1")).isEmpty();
		assertThat(this.broadcaster.register(new RecordingEmitter(), "2001:db8:7:1:a:b:c:d")).isEmpty();
		assertThat(this.broadcaster.register(new RecordingEmitter(), "2001:db8:7:1:ffff:ffff:ffff:ffff"))
			.contains(TickerBroadcaster.Refusal.CLIENT_LIMIT);
		assertThat(this.broadcaster.register(new RecordingEmitter(), "2001:db8:7:2:0:0:0:1")).isEmpty();

		assertThat(StreamClients.of("::ffff:192.0.2.9")).isEqualTo(StreamClients.of("192.0.2.9"));
		assertThat(StreamClients.of("2001:db8:7:1::1")).isEqualTo("2001:db8:7:1:0:0:0:0/64");
		assertThat(StreamClients.of("not-an-address")).isEqualTo("not-an-address");
	}

	@Test
	void headSaysWhatAGetWouldBeAnsweredAndOpensNoStream() {
		MockHttpServletRequest client = from("198.51.100.9");
		ResponseEntity<Void> room = this.controller.head(client);
		assertThat(room.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(room.getHeaders().getContentType()).hasToString("text/event-stream");
		assertThat(this.broadcaster.subscriberCount()).isZero();

		this.controller.stream(client);
		this.controller.stream(client);
		ResponseEntity<Void> full = this.controller.head(client);

		assertThat(full.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(full.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
		assertThat(this.broadcaster.subscriberCount()).isEqualTo(2);
		assertThat(refusedCount("client-limit")).as("a HEAD is no refused stream").isZero();
	}

	@Test
	void aClientRefusedForItsShareHasItsStreamsCheckedSoThoseItClosedMakeRoomWithinSeconds() {
		assertThat(this.broadcaster.register(new ClosedEmitter(), "203.0.113.5")).isEmpty();
		assertThat(this.broadcaster.register(new ClosedEmitter(), "203.0.113.5")).isEmpty();

		assertThat(this.broadcaster.register(new RecordingEmitter(), "203.0.113.5"))
			.contains(TickerBroadcaster.Refusal.CLIENT_LIMIT);

		await().atMost(Duration.ofSeconds(3)).until(() -> this.broadcaster.subscriberCount() == 0);
		assertThat(this.broadcaster.register(new RecordingEmitter(), "203.0.113.5")).isEmpty();
	}

	@Test
	void theSnapshotIsTheStreamsLatestTickerKeptBrieflyByBrowsersAndTillTheNextTickerChangeByTheEdge() {
		RecordingEmitter reader = new RecordingEmitter();
		register(reader);
		String event = reader.next();
		MockHttpServletResponse response = new MockHttpServletResponse();

		ResponseEntity<String> snapshot = this.controller.snapshot(response);

		assertThat(snapshot.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getHeader("Cache-Control"))
			.isEqualTo("public, max-age=10, s-maxage=86400, stale-while-revalidate=60, stale-if-error=86400");
		assertThat(response.getHeader("xkey")).isEqualTo("ticker");
		assertThat(response.getHeader("Surrogate-Key")).isEqualTo("ticker");
		assertThat(snapshot.getHeaders().getETag()).isEqualTo("\"" + revisionOf(event) + "\"");
		assertThat(event).contains("data:" + snapshot.getBody());
	}

	@Test
	void aSnapshotThatMayPredateATickerChangeThisNodeFollowedIsKeptByTheEdgeOnlyForOutages() throws Exception {
		RecordingEmitter reader = new RecordingEmitter();
		register(reader);
		reader.next();
		CountDownLatch building = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		given(this.ticker.lines()).willAnswer((call) -> {
			building.countDown();
			release.await(5, TimeUnit.SECONDS);
			return lines("Harbour crane back in service");
		});
		this.broadcaster.on(new ChangeObserved(12, Set.of(ChangeKind.TICKER), null, null, Instant.now()));
		assertThat(building.await(5, TimeUnit.SECONDS)).isTrue();

		MockHttpServletResponse before = new MockHttpServletResponse();
		this.controller.snapshot(before);
		release.countDown();
		await().atMost(Duration.ofSeconds(5)).until(this.broadcaster::snapshotCurrent);
		MockHttpServletResponse after = new MockHttpServletResponse();
		String current = this.controller.snapshot(after).getBody();

		assertThat(before.getHeader("Cache-Control"))
			.isEqualTo("public, max-age=10, s-maxage=0, stale-while-revalidate=60, stale-if-error=86400");
		assertThat(after.getHeader("Cache-Control"))
			.isEqualTo("public, max-age=10, s-maxage=86400, stale-while-revalidate=60, stale-if-error=86400");
		assertThat(after.getHeader("xkey")).isEqualTo("ticker");
		assertThat(current).contains("Harbour crane back in service");
	}

	@Test
	void afterARestartThatDroppedBuildsTheFirstSnapshotIsKeptByTheEdgeAgain() throws Exception {
		CountDownLatch building = new CountDownLatch(1);
		given(this.ticker.lines()).willAnswer((call) -> {
			building.countDown();
			// Until the stop interrupts it.
			new CountDownLatch(1).await(5, TimeUnit.SECONDS);
			return lines("Harbour crane back in service");
		});
		this.broadcaster.on(new ChangeObserved(12, Set.of(ChangeKind.TICKER), null, null, Instant.now()));
		assertThat(building.await(5, TimeUnit.SECONDS)).isTrue();
		// Queued behind the first, and dropped by the stop.
		this.broadcaster.on(new ChangeObserved(13, Set.of(ChangeKind.TICKER), null, null, Instant.now()));
		this.broadcaster.stop();
		given(this.ticker.lines()).willReturn(lines("Harbour crane back in service"));

		this.broadcaster.start();
		await().atMost(Duration.ofSeconds(5)).until(this.broadcaster::snapshotCurrent);
		MockHttpServletResponse response = new MockHttpServletResponse();
		String snapshot = this.controller.snapshot(response).getBody();

		assertThat(response.getHeader("Cache-Control"))
			.isEqualTo("public, max-age=10, s-maxage=86400, stale-while-revalidate=60, stale-if-error=86400");
		assertThat(snapshot).contains("Harbour crane back in service");
	}

	@Test
	void theDefaultNodeLimitIsAQuarterOfTheHeapAndAtMostHalfOfTomcatsConnections() {
		long mebibyte = 1024 * 1024;
		assertThat(TickerBroadcaster.nodeLimit(768 * mebibyte, 8192)).isEqualTo(768 * mebibyte / 4 / (136 * 1024));
		assertThat(TickerBroadcaster.nodeLimit(16 * 1024 * mebibyte, 8192)).isEqualTo(4096);
		assertThat(TickerBroadcaster.nodeLimit(16 * 1024 * mebibyte, -1)).isEqualTo(30840);
	}

	@Test
	void announcesANewVersionOfAnArticleAfterTheTickerThatCarriesIt() throws Exception {
		RecordingEmitter reader = new RecordingEmitter();
		register(reader);
		reader.next();
		given(this.ticker.lines()).willReturn(lines("LD Writethru: Bridge reopens <early>"));
		given(this.ticker.currentVersion(7)).willReturn(Optional.of(new TickerService.ArticleVersion(7, 2,
				"LD Writethru: Bridge reopens <early>", "/articles/7/bridge-reopens")));
		this.broadcaster
			.on(new ChangeObserved(12, Set.of(ChangeKind.WRITETHRU, ChangeKind.TICKER), 7L, "world", Instant.now()));

		assertThat(items(reader.next())).extracting(Element::text)
			.containsExactly("LD Writethru: Bridge reopens <early>");
		String article = reader.next();
		assertThat(article).contains("event:article", "\"articleId\":7", "\"sequence\":2",
				"\"path\":\"/articles/7/bridge-reopens\"",
				"\"message\":\"This story has been updated: LD Writethru: Bridge reopens <early>.\"",
				"\"linkText\":\"Read the latest version\"");
	}

	@Test
	void aFlashStoryLeadingTheTickerRaisesOneAlertRightAfterTheSnapshotThatCarriesIt() throws Exception {
		RecordingEmitter reader = new RecordingEmitter();
		register(reader);
		reader.next();
		TickerLine flash = new TickerLine(40, "Quake strikes off <Cape> Tarrow", 1, "Flash", true, true,
				"/articles/9/quake-strikes");
		given(this.ticker.lines()).willReturn(List.of(flash, line("Ferry timetable published")));
		changed();

		List<Event> events = events(reader.next());
		assertThat(events).extracting(Event::name).containsExactly("ticker", "alert");
		assertThat(this.json.readTree(events.get(0).data()).get("alerts").toString()).isEqualTo("[40]");
		assertThat(Jsoup.parseBodyFragment(this.json.readTree(events.get(0).data()).get("html").asString())
			.select("li.is-alert")
			.eachAttr("data-headline-id")).containsExactly("40");
		JsonNode alert = this.json.readTree(events.get(1).data());
		assertThat(alert.get("id").asLong()).isEqualTo(40);
		assertThat(alert.get("urgency").asInt()).isEqualTo(1);
		assertThat(alert.get("level").asString()).isEqualTo("Flash");
		assertThat(alert.get("headline").asString()).isEqualTo("Quake strikes off <Cape> Tarrow");
		assertThat(alert.get("url").asString()).isEqualTo("/articles/9/quake-strikes");
		assertThat(events.get(1).id()).as("alerts leave Last-Event-ID to the snapshots").isNull();

		// Still the alert after the next change: not raised twice on open streams...
		given(this.ticker.lines()).willReturn(List.of(flash, line("Ferry timetable revised")));
		changed();
		assertThat(events(reader.next())).extracting(Event::name).containsExactly("ticker");
		// ...but every stream that connects meanwhile gets it.
		RecordingEmitter late = new RecordingEmitter();
		register(late);
		assertThat(events(late.next())).extracting(Event::name).containsExactly("ticker", "alert");
	}

	@Test
	void aBulletinWritethruRaisesANewAlertAndARoutineStoryOrAFormerAlertNone() throws Exception {
		RecordingEmitter reader = new RecordingEmitter();
		register(reader);
		reader.next();
		TickerLine flash = new TickerLine(40, "Quake strikes off Cape Tarrow", 1, "Flash", true, true,
				"/articles/9/quake-strikes");
		given(this.ticker.lines()).willReturn(List.of(flash));
		changed();
		reader.next();

		// The writethru's line replaces the Flash's: a new alert, at its own level.
		TickerLine bulletin = new TickerLine(41, "LD Writethru: Quake off Cape Tarrow, no tsunami", 2, "Bulletin", true,
				true, "/articles/9/quake-no-tsunami");
		given(this.ticker.lines()).willReturn(List.of(bulletin));
		changed();
		List<Event> events = events(reader.next());
		assertThat(events).extracting(Event::name).containsExactly("ticker", "alert");
		assertThat(this.json.readTree(events.get(1).data()).get("id").asLong()).isEqualTo(41);
		assertThat(this.json.readTree(events.get(1).data()).get("level").asString()).isEqualTo("Bulletin");

		// A routine story leads nothing; a Flash or Bulletin line no longer leading is
		// marked on the ticker but raises no alert.
		TickerLine former = new TickerLine(41, bulletin.text(), 2, "Bulletin", true, false, bulletin.url());
		given(this.ticker.lines()).willReturn(List.of(line("Ferry timetable published"), former));
		changed();
		assertThat(events(reader.next())).extracting(Event::name).containsExactly("ticker");
		RecordingEmitter late = new RecordingEmitter();
		register(late);
		assertThat(events(late.next())).extracting(Event::name).containsExactly("ticker");
	}

	/** Registers a stream for a client of its own. */
	private boolean register(SseEmitter emitter) {
		return this.broadcaster.register(emitter, "192.0.2." + this.nextClient.incrementAndGet()).isEmpty();
	}

	private static MockHttpServletRequest from(String address) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", TickerStreamController.PATH);
		request.setRemoteAddr(address);
		return request;
	}

	private double refusedCount(String reason) {
		return this.meters.get("newswire.ticker.streams.refused").tag("reason", reason).counter().count();
	}

	private void changed() {
		this.broadcaster.on(new ChangeObserved(this.nextChangeId.getAndIncrement(), Set.of(ChangeKind.TICKER), null,
				null, Instant.now()));
	}

	private TickerLine line(String text) {
		return lines(text).get(0);
	}

	/** The events of a frame, as the browser's EventSource reads them. */
	private static List<Event> events(String frame) {
		List<Event> events = new ArrayList<>();
		for (String block : frame.split("\n\n")) {
			String id = null;
			String name = "message";
			StringBuilder data = new StringBuilder();
			for (String field : block.split("\n")) {
				if (field.startsWith("id:")) {
					id = field.substring(3);
				}
				else if (field.startsWith("event:")) {
					name = field.substring(6);
				}
				else if (field.startsWith("data:")) {
					data.append(field.substring(5));
				}
			}
			if (!block.isBlank() && !block.startsWith(":")) {
				events.add(new Event(id, name, data.toString()));
			}
		}
		return events;
	}

	private void change(String text) {
		given(this.ticker.lines()).willReturn(lines(text));
		this.broadcaster.on(new ChangeObserved(this.nextChangeId.getAndIncrement(), Set.of(ChangeKind.TICKER), null,
				null, Instant.now()));
	}

	private List<TickerLine> lines(String... texts) {
		List<TickerLine> lines = new ArrayList<>();
		for (String text : texts) {
			lines.add(new TickerLine(this.nextHeadlineId.getAndIncrement(), text, Urgency.ROUTINE.level(),
					Urgency.ROUTINE.displayName(), false, false, null));
		}
		return lines;
	}

	/** The ticker's items in the first event of a frame, as the page swaps them in. */
	private List<Element> items(String frame) {
		Event ticker = events(frame).get(0);
		assertThat(ticker.name()).isEqualTo(TickerFrames.TICKER_EVENT);
		return Jsoup.parseBodyFragment(this.json.readTree(ticker.data()).get("html").asString()).body().children();
	}

	private static long revisionOf(String frame) {
		int at = frame.indexOf("\"revision\":") + "\"revision\":".length();
		return Long.parseLong(frame.substring(at, frame.indexOf(',', at)));
	}

	private static String text(Set<DataWithMediaType> frame) {
		return frame.stream().map((part) -> part.getData().toString()).collect(Collectors.joining());
	}

	/** A client reading everything. */
	static final class RecordingEmitter extends SseEmitter {

		final BlockingQueue<String> frames = new LinkedBlockingQueue<>();

		@Override
		public void send(Set<DataWithMediaType> frame) {
			this.frames.add(text(frame));
		}

		/** The next event, skipping comments (heartbeats). */
		String next() {
			return await().atMost(WAIT)
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(10))
				.until(this::nextEvent, Objects::nonNull);
		}

		private String nextEvent() {
			String frame = this.frames.poll();
			while (frame != null && frame.startsWith(":")) {
				frame = this.frames.poll();
			}
			return frame;
		}

	}

	/**
	 * A client whose socket buffers fill after the first frame: the next write never
	 * returns.
	 */
	final class StuckEmitter extends SseEmitter {

		final CountDownLatch writing = new CountDownLatch(1);

		private boolean connected;

		@Override
		public void send(Set<DataWithMediaType> frame) throws IOException {
			if (!this.connected) {
				this.connected = true;
				return;
			}
			this.writing.countDown();
			try {
				TickerBroadcasterTests.this.unblock.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			throw new IOException("Connection reset by peer");
		}

	}

	/**
	 * A client that closed its connection after the first frame, as TCP shows it: the
	 * next write still goes out (and draws the peer's reset), the one after fails.
	 */
	static final class ClosedEmitter extends SseEmitter {

		private int sent;

		@Override
		public void send(Set<DataWithMediaType> frame) throws IOException {
			if (++this.sent > 2) {
				throw new IOException("Broken pipe");
			}
		}

	}

	/** A client whose connection was reset after the first frame. */
	static final class GoneEmitter extends SseEmitter {

		private boolean connected;

		@Override
		public void send(Set<DataWithMediaType> frame) throws IOException {
			if (!this.connected) {
				this.connected = true;
				return;
			}
			throw new IOException("Broken pipe");
		}

	}

}
