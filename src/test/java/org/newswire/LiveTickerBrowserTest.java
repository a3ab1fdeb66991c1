package org.newswire;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Publishing;
import org.newswire.article.Urgency;
import org.newswire.article.WritethruKind;
import org.newswire.ticker.SseStream;
import org.newswire.ticker.TickerService;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An open article page follows the wire without a reload: new ticker headlines arrive
 * within a second, a newer version of the article on screen is announced, and a page
 * refused a stream still gets new headlines.
 */
class LiveTickerBrowserTest extends BrowserTestBase {

	private static final long ONE_SECOND_MILLIS = 1000;

	private static final AtomicInteger serial = new AtomicInteger();

	/**
	 * Registered before any page script runs, so no ticker event is missed; each entry
	 * keeps the browser's arrival time.
	 */
	private static final String RECORD_TICKER_EVENTS = "window.__tickerEvents = [];"
			+ "document.addEventListener('newswire:ticker', function (e) {"
			+ "  window.__tickerEvents.push({ detail: e.detail, at: Date.now() }); });";

	/**
	 * Polls in the page, so the arrival time is the browser's own rather than a WebDriver
	 * round trip's; answers -1 when the given milliseconds have passed.
	 */
	private static final String AWAIT = "var test = arguments[0], text = arguments[1], within = arguments[2],"
			+ " done = arguments[3];" + "var until = Date.now() + within;" + "var checks = {"
			+ "  connected: function () { return window.__tickerEvents.length > 0; },"
			+ "  event: function () { return window.__tickerEvents.some(function (e) {"
			+ "    var items = document.createElement('template'); items.innerHTML = e.detail.html;"
			+ "    return Array.prototype.some.call(items.content.querySelectorAll('.ticker-item span'),"
			+ "      function (span) { return span.textContent === text; }); }); },"
			+ "  list: function () { var list = document.getElementById('ticker-list');"
			+ "    return !!list && list.textContent.indexOf(text) >= 0; },"
			+ "  notice: function () { var region = document.getElementById('live-update');"
			+ "    return !!region && region.textContent.indexOf(text) >= 0; } };"
			+ "(function poll() { if (checks[test]()) { done(Date.now()); }"
			+ "  else if (Date.now() > until) { done(-1); } else { setTimeout(poll, 10); } })();";

	@Autowired
	Publishing publishing;

	@Autowired
	TickerService ticker;

	@Autowired
	NewswireProperties properties;

	@Autowired
	MeterRegistry meters;

	private String recorder;

	private ArticleSummary article;

	@BeforeEach
	void openArticlePage() {
		this.article = TestStories.story()
			.slugline("Lighthouse-Keepers")
			.dateline("SALT HARBOUR, Nov. 26 (Newswire) --")
			.byline("By Mira Vell")
			.urgency(Urgency.ROUTINE)
			.headline("Lighthouse keepers return to the outer isles " + serial.incrementAndGet())
			.paragraphs("Keepers returned to three outer lighthouses on Wednesday.",
					"The lights had run unattended for a decade.")
			.ednote("Eds: first publication")
			.editor("browser-test")
			.publish(this.publishing);
		Map<String, Object> registered = browser().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
				Map.of("source", RECORD_TICKER_EVENTS));
		this.recorder = (String) registered.get("identifier");
		browser().get(url(this.article.path()));
		// The layout loads ticker-live.js on every page; a build without the reader's
		// layout gets it the same way a browser would, from our own origin.
		browser().executeScript("if (!document.querySelector('script[src*=\"ticker-live.js\"]')) {"
				+ "  var script = document.createElement('script'); script.src = '/js/ticker-live.js';"
				+ "  (document.head || document.documentElement).appendChild(script); }");
		assertThat(await("connected", "")).as("stream connected").isPositive();
	}

	@AfterEach
	void stopRecording() {
		browser().executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", this.recorder));
	}

	@Test
	void newHeadlineReachesTheOpenPageWithinOneSecond() {
		String text = "Ferry operators add a dawn sailing " + serial.incrementAndGet();
		long posted = System.currentTimeMillis();
		this.ticker.post(text, Urgency.URGENT, null, "browser-test");
		long arrived = await("event", text);
		assertThat(arrived).as("newswire:ticker event with the headline").isPositive();
		assertThat(arrived - posted).isLessThan(ONE_SECOND_MILLIS);
	}

	@Test
	void newHeadlineAppearsInTheTickerOfTheOpenPageWithinOneSecond() {
		String text = "Hill villages reconnected to the grid " + serial.incrementAndGet();
		long posted = System.currentTimeMillis();
		this.ticker.post(text, Urgency.ROUTINE, null, "browser-test");
		long shown = await("list", text);
		assertThat(shown).as("headline in #ticker-list").isPositive();
		assertThat(shown - posted).isLessThan(ONE_SECOND_MILLIS);
	}

	@Test
	void newerVersionOfTheOpenArticleIsAnnouncedWithALinkToIt() {
		ArticleSummary latest = TestStories.writethru(WritethruKind.LD_WRITETHRU)
			.headline("Lighthouse keepers relight the outer isles")
			.paragraphs("Keepers relit three outer lighthouses on Wednesday night.")
			.ednote("Eds: UPDATES with relighting")
			.byline("By Mira Vell")
			.urgency(Urgency.ROUTINE)
			.editor("browser-test")
			.post(this.publishing, this.article.id(), 1);
		assertThat(await("notice", "This story has been updated")).as("live notice").isPositive();

		WebElement region = browser().findElement(By.id("live-update"));
		assertThat(region.getAttribute("role")).isEqualTo("status");
		assertThat(region.getText()).contains("LD Writethru: Lighthouse keepers relight the outer isles");
		WebElement link = region.findElement(By.tagName("a"));
		assertThat(link.getText()).isEqualTo("Read the latest version");
		assertThat(link.getAttribute("href")).isEqualTo(url(latest.path()));
	}

	@Test
	void aPageRefusedAStreamTakesNewHeadlinesFromTheSnapshotWhileItWaits() throws Exception {
		browser().get("about:blank");
		// The test, like the browser, is client 127.0.0.1 (both over IPv4: Chromium takes
		// localhost for ::1): the streams it holds take the browser's share. Those the
		// browser's earlier pages left are found gone as the test's refusals come.
		int share = this.properties.live().maxSubscribersPerClient();
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		List<SseStream> held = new ArrayList<>();
		try {
			Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).until(() -> {
				SseStream stream = SseStream.open(http, URI.create(overIpv4("/ticker/stream")));
				if (stream.head(Duration.ofSeconds(5)).statusCode() == 200) {
					held.add(stream);
				}
				else {
					stream.close();
				}
				return held.size() == share;
			});
			double refusedBefore = refusedForShare();

			browser().get(overIpv4(this.article.path()));
			String text = "Harbour ferries keep a winter timetable " + serial.incrementAndGet();
			this.ticker.post(text, Urgency.ROUTINE, null, "browser-test");

			assertThat(await("list", text, 15_000)).as("headline in #ticker-list").isPositive();
			assertThat(refusedForShare() - refusedBefore).as("streams refused to the page").isGreaterThanOrEqualTo(2);
		}
		finally {
			held.forEach(SseStream::close);
		}
	}

	private String overIpv4(String path) {
		return url(path).replace("//localhost:", "//127.0.0.1:");
	}

	private double refusedForShare() {
		return this.meters.get("newswire.ticker.streams.refused").tag("reason", "client-limit").counter().count();
	}

	private long await(String check, String text) {
		return await(check, text, 5000);
	}

	private long await(String check, String text, long withinMillis) {
		return ((Number) browser().executeAsyncScript(AWAIT, check, text, withinMillis)).longValue();
	}

}
