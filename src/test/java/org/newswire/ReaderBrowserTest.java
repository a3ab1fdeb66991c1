package org.newswire;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Listings;
import org.newswire.article.PubStatus;
import org.newswire.article.Publishing;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reader pages in a real browser: the ticker moves and stops, the text size follows
 * the reader from page to page, and axe-core finds no WCAG 2.2 AA violations.
 * <p>
 * Screenshots for docs/screenshots are written only with {@code -Dscreenshots}, so
 * ordinary runs leave the working tree alone.
 */
class ReaderBrowserTest extends BrowserTestBase {

	@Autowired
	Listings listings;

	@Autowired
	Publishing publishing;

	@Autowired
	SettableClock clock;

	private List<ArticleSummary> stories;

	@BeforeEach
	void content() {
		// BrowserTestBase runs with the demo content, which has stories with writethrus.
		// Other browser classes in this JVM hold and kill stories of their own: those
		// have
		// no text for a reader.
		this.stories = this.listings.latestWithText(null, null, 20)
			.stream()
			.filter((story) -> story.pubstatus() == PubStatus.USABLE && !story.held())
			.toList();
	}

	@AfterEach
	void forgetTextSize() {
		ChromeDriver browser = browser();
		if (browser.getCurrentUrl().startsWith("http://localhost")) {
			browser.executeScript("window.localStorage.clear()");
		}
	}

	@Test
	void tickerScrollsAndThePauseButtonStopsIt() {
		ChromeDriver browser = browser();
		browser.get(url("/"));
		waitFor(() -> browser.findElements(By.cssSelector(".ticker.is-animated")).size() == 1);

		double start = tickerOffset();
		await("ticker moves").atMost(Duration.ofSeconds(1)).until(() -> tickerOffset() != start);

		// The loop copy is for the eye only: hidden from screen readers, out of the tab
		// order.
		WebElement copy = browser.findElement(By.cssSelector(".ticker-clone"));
		assertThat(copy.getAttribute("aria-hidden")).isEqualTo("true");
		assertThat(copy.findElements(By.cssSelector("a")))
			.allSatisfy((a) -> assertThat(a.getAttribute("tabindex")).isEqualTo("-1"));
		assertThat(browser.findElements(By.id("ticker-list"))).hasSize(1);

		WebElement toggle = browser.findElement(By.cssSelector("button.ticker-toggle"));
		assertThat(toggle.getText()).isEqualTo("Pause ticker");
		// A script click, so that neither hover nor focus (which also pause) is involved.
		browser.executeScript("arguments[0].click()", toggle);
		assertThat(toggle.getText()).isEqualTo("Play ticker");
		holdsStill("paused ticker");
		double paused = tickerOffset();

		browser.executeScript("arguments[0].click()", toggle);
		await("ticker moves after play").atMost(Duration.ofSeconds(1)).until(() -> tickerOffset() != paused);

		// Keyboard focus on a headline holds the ticker still so the link can be read.
		browser.executeScript("document.querySelector('#ticker-list a').focus()");
		holdsStill("ticker with a headline focused");
	}

	@Test
	void tickerIsAStaticListUnderReducedMotionAndWithoutJavaScript() {
		ChromeDriver browser = browser();
		try {
			browser.executeCdpCommand("Emulation.setEmulatedMedia",
					Map.of("features", List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
			browser.get(url("/"));
			assertStaticTicker(browser);
			browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
			browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
			browser.get(url("/"));
			assertStaticTicker(browser);
		}
		finally {
			browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
			browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
		}
	}

	private static void assertStaticTicker(ChromeDriver browser) {
		assertThat(browser.findElements(By.cssSelector(".ticker-clone"))).isEmpty();
		assertThat(browser.findElements(By.cssSelector(".ticker.is-animated"))).isEmpty();
		assertThat(browser.findElement(By.cssSelector("button.ticker-toggle")).isDisplayed()).isFalse();
		assertThat(browser.findElement(By.id("ticker-list")).getCssValue("flex-wrap")).isEqualTo("wrap");
		// Every headline is on the screen, none scrolled out of sight.
		assertThat(browser.findElements(By.cssSelector("#ticker-list li")))
			.allSatisfy((li) -> assertThat(li.isDisplayed()).isTrue());
	}

	@Test
	void tickerSwapsInTheItemsOfALiveUpdateKeepingThePauseAndRefusesItemsLinkingElsewhere() {
		ChromeDriver browser = browser();
		browser.get(url("/"));
		waitFor(() -> browser.findElements(By.cssSelector(".ticker.is-animated")).size() == 1);
		browser.executeScript("arguments[0].click()", browser.findElement(By.cssSelector("button.ticker-toggle")));
		String update = "document.dispatchEvent(new CustomEvent('newswire:ticker', {detail: {html: arguments[0]}}));";
		browser.executeScript(update, """
				<li class="ticker-item is-marked" data-headline-id="1" data-urgency="1"><a href="/articles/1"><strong \
				class="ticker-urgency">Flash:</strong> <span>Live &lt;b&gt;one&lt;/b&gt;</span></a></li>\
				<li class="ticker-item" data-headline-id="2" data-urgency="4"><span>Live two</span></li>""");
		List<WebElement> items = browser.findElements(By.cssSelector("#ticker-list li"));
		assertThat(items).extracting((li) -> li.getAttribute("textContent"))
			.containsExactly("Flash: Live <b>one</b>", "Live two");
		assertThat(browser.findElements(By.cssSelector("#ticker-list a"))).hasSize(1);
		assertThat(browser.findElements(By.cssSelector(".ticker-clone li"))).hasSize(2);
		assertThat(browser.findElement(By.cssSelector("button.ticker-toggle")).getText()).isEqualTo("Play ticker");
		assertThat(browser.findElements(By.cssSelector(".ticker.is-paused"))).hasSize(1);

		browser.executeScript(update, """
				<li class="ticker-item" data-headline-id="3" data-urgency="4"><a href="javascript:alert(1)"><span>\
				Live three</span></a></li>""");
		browser.executeScript(update, "<li class=\"ticker-item\" data-headline-id=\"4\" data-urgency=\"4\">"
				+ "<span>Live four</span></li><p>Not a headline</p>");
		assertThat(browser.findElements(By.cssSelector("#ticker-list li")))
			.extracting((li) -> li.getAttribute("textContent"))
			.containsExactly("Flash: Live <b>one</b>", "Live two");
	}

	@Test
	void textSizeChangesTheArticleAndFollowsTheReaderToTheNextArticle() {
		ChromeDriver browser = browser();
		browser.get(url(this.stories.get(0).path()));
		double medium = paragraphFontSize();
		WebElement large = browser.findElement(By.cssSelector("[data-font-size-control] button[data-size=large]"));
		assertThat(large.getAttribute("aria-pressed")).isEqualTo("false");

		large.click();

		double enlarged = paragraphFontSize();
		assertThat(enlarged).isGreaterThan(medium);
		assertThat(large.getAttribute("aria-pressed")).isEqualTo("true");
		assertThat(browser.findElement(By.cssSelector("[data-font-size-status]")).getText())
			.isEqualTo("Text size: Large");

		browser.get(url(this.stories.get(1).path()));
		assertThat(paragraphFontSize()).isEqualTo(enlarged);
		assertThat(browser.findElement(By.cssSelector("button[data-size=large]")).getAttribute("aria-pressed"))
			.isEqualTo("true");

		browser.findElement(By.cssSelector("button[data-size=small]")).click();
		assertThat(paragraphFontSize()).isLessThan(medium);
	}

	@Test
	void homeSectionAndArticlePagesHaveNoAccessibilityViolations() {
		ArticleSummary story = this.stories.get(0);
		for (String path : List.of("/", "/sections/" + story.section().code(), story.path())) {
			browser().get(url(path));
			Results results = new AxeBuilder().withTags(WCAG_22_AA).analyze(browser());
			assertThat(results.getViolations()).as(() -> path + ": " + describe(results.getViolations())).isEmpty();
		}
	}

	@Test
	void badAddressesGetClearPagesInTheLayout() {
		ChromeDriver browser = browser();
		browser.get(url("/articles/987654321/no-such-story"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
		assertThat(browser.findElements(By.id("ticker-list"))).hasSize(1);
		Results results = new AxeBuilder().withTags(WCAG_22_AA).analyze(browser);
		assertThat(results.getViolations()).as(() -> describe(results.getViolations())).isEmpty();

		browser.get(url("/sections/world?before=not-a-position"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Bad request");
		assertThat(browser.getPageSource()).doesNotContain("Exception");
	}

	@Test
	void realServerAnswersFromThePageCacheAndMarksErrorsNoStore() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> first = http.send(request("/").build(), BodyHandlers.ofString());
		HttpResponse<String> second = http.send(request("/").build(), BodyHandlers.ofString());
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(second.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
		assertThat(second.headers().firstValue("Content-Language"))
			.isEqualTo(first.headers().firstValue("Content-Language"));
		assertThat(second.headers().firstValue("Content-Security-Policy")).isPresent();
		assertThat(second.headers().firstValue("Set-Cookie")).isEmpty();
		String etag = second.headers().firstValue("ETag").orElseThrow();
		assertThat(http.send(request("/").header("If-None-Match", etag).build(), BodyHandlers.ofString()).statusCode())
			.isEqualTo(304);

		for (Map.Entry<String, Integer> bad : Map
			.of("/articles/987654321/x", 404, "/sections/world?before=x", 400, "/no/such/page", 404,
					"/articles/99999999999999999999999/x", 400)
			.entrySet()) {
			HttpResponse<String> response = http.send(request(bad.getKey()).build(), BodyHandlers.ofString());
			assertThat(response.statusCode()).as(bad.getKey()).isEqualTo(bad.getValue());
			assertThat(response.headers().firstValue("Cache-Control")).as(bad.getKey()).hasValue("no-store");
			assertThat(response.body()).as(bad.getKey())
				.contains("id=\"ticker-list\"", "class=\"ticker-item\"")
				.doesNotContain("Exception", "newswire:live-fragment");
		}
		HttpResponse<String> post = http.send(request(this.stories.get(0).path()).POST(BodyPublishers.noBody()).build(),
				BodyHandlers.ofString());
		assertThat(post.statusCode()).isEqualTo(405);
		assertThat(post.body()).contains("Not allowed");
	}

	/**
	 * What Lighthouse's SEO and best-practice audits look for in the page head: a
	 * description on every reader page, an absolute canonical link, a favicon that
	 * answers, and stylesheets under content-hashed URLs cached for a year, the history
	 * pages' own only where it is used.
	 */
	@Test
	void readerPagesHaveDescriptionCanonicalFaviconAndCacheableStaticFiles() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		ArticleSummary story = this.stories.get(0);
		String section = "/sections/" + story.section().code();
		Map<String, String> canonical = Map.of("/", url("/"), section, url(section), story.path(), url(story.path()));
		for (String path : List.of("/", section, story.path(), story.path() + "/versions", "/corrections",
				"/search?q=port")) {
			Document page = Jsoup.parse(http.send(request(path).build(), BodyHandlers.ofString()).body());
			assertThat(page.select("meta[name=description]").attr("content")).as(path).isNotBlank();
			if (canonical.containsKey(path)) {
				assertThat(page.select("link[rel=canonical]").attr("href")).as(path).isEqualTo(canonical.get(path));
			}
			assertThat(page.select("link[rel=stylesheet][href*=history]").isEmpty()).as(path + " links history.css")
				.isEqualTo(
						!path.contains("/versions") && !path.startsWith("/corrections") && !path.startsWith("/search"));
		}
		Document home = Jsoup.parse(http.send(request("/").build(), BodyHandlers.ofString()).body());
		assertThat(home.select("meta[name=description]").attr("content")).startsWith("Newswire:");
		assertThat(Jsoup.parse(http.send(request(section).build(), BodyHandlers.ofString()).body())
			.select("meta[name=description]")
			.attr("content")).contains(story.section().name());

		String stylesheet = home.select("link[rel=stylesheet]").first().attr("href");
		assertThat(stylesheet).matches("/css/site-[0-9a-f]{32}\\.css");
		for (String path : List.of(stylesheet, "/favicon.ico",
				home.select("link[rel=icon][type=image/svg+xml]").attr("href"))) {
			HttpResponse<byte[]> file = http.send(request(path).build(), BodyHandlers.ofByteArray());
			assertThat(file.statusCode()).as(path).isEqualTo(200);
			assertThat(file.body()).as(path).isNotEmpty();
			assertThat(file.headers().firstValue("Cache-Control")).as(path)
				.hasValueSatisfying((cache) -> assertThat(cache).contains("max-age=31536000"));
		}
	}

	/**
	 * Home and an updated article at desktop and phone width, full height. Neither may
	 * scroll sideways. The pictures go to target/screenshots, or to docs/screenshots with
	 * {@code -Dscreenshots}.
	 */
	@Test
	void pagesFitDesktopAndPhoneWidths() throws IOException {
		ArticleSummary article = this.stories.stream().filter((story) -> story.updates() > 0).findFirst().orElseThrow();
		Path folder = screenshotFolder();
		for (Map.Entry<String, String> page : Map.of("home", "/", "article", article.path()).entrySet()) {
			for (Map.Entry<String, Integer> width : Map.of("desktop", 1280, "phone", 390).entrySet()) {
				Path file = folder.resolve(page.getKey() + "-" + width.getKey() + ".png");
				int scrollWidth = screenshot(page.getValue(), width.getValue(), file);
				assertThat(scrollWidth).as(file + " page width").isLessThanOrEqualTo(width.getValue());
				assertThat(ImageIO.read(file.toFile()).getWidth()).isEqualTo(width.getValue());
			}
		}
	}

	/**
	 * A story on hold: its page shows the notice instead of the text, passes the same
	 * checks, and is pictured at desktop width.
	 */
	@Test
	void articleOnHoldShowsTheNoticeWithoutAccessibilityViolations() throws IOException {
		// A week old, so the story stays out of the newest stories and the ticker the
		// other tests read.
		Instant lastWeek = Instant.now().minus(Duration.ofDays(7));
		ArticleSummary story = this.clock.callAt(lastWeek, () -> {
			ArticleSummary published = TestStories.story()
				.headline("Harbour crane topples in high wind")
				.paragraphs("The crane fell across the container berth shortly after noon.")
				.publish(this.publishing);
			this.publishing.hold(published.id(), "Reports of injuries are being checked with the port authority.",
					"desk-admin");
			return published;
		});
		try {
			ChromeDriver browser = browser();
			browser.get(url(story.path()));
			assertThat(browser.findElement(By.cssSelector(".hold-notice")).getText())
				.startsWith("This story is on hold while facts are checked: Reports of injuries");
			assertThat(browser.findElements(By.cssSelector(".story-body"))).isEmpty();
			Results results = new AxeBuilder().withTags(WCAG_22_AA).analyze(browser);
			assertThat(results.getViolations()).as(() -> describe(results.getViolations())).isEmpty();
			Path file = screenshotFolder().resolve("article-on-hold.png");
			assertThat(screenshot(story.path(), 1280, file)).isLessThanOrEqualTo(1280);
		}
		finally {
			this.clock.runAt(lastWeek, () -> this.publishing.releaseHold(story.id(), "desk-admin"));
		}
	}

	/**
	 * target/screenshots, or docs/screenshots with {@code -Dscreenshots}.
	 */
	private static Path screenshotFolder() throws IOException {
		Path folder = (System.getProperty("screenshots") != null) ? Path.of("docs", "screenshots")
				: Path.of("target", "screenshots");
		return Files.createDirectories(folder);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "text/html");
	}

	/**
	 * @return the width of the laid-out page, wider than the window when it scrolls
	 * sideways
	 */
	private int screenshot(String path, int width, Path file) throws IOException {
		ChromeDriver browser = browser();
		browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", width < 600));
		try {
			browser.get(url(path));
			Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
			Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
					Map.of("format", "png", "captureBeyondViewport", true, "clip",
							Map.of("x", 0, "y", 0, "width", width, "height", height.intValue(), "scale", 1)));
			Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
			return ((Number) browser.executeScript("return document.documentElement.scrollWidth")).intValue();
		}
		finally {
			browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		}
	}

	private double tickerOffset() {
		return ((Number) ((JavascriptExecutor) browser()).executeScript(
				"return new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.ticker-track')).transform).m41"))
			.doubleValue();
	}

	/**
	 * The ticker stays where it is for 0.7 s. A reading taken in the frame of the click
	 * may still be one frame short of where the track stops, so stillness is measured
	 * from one reading to the next, not from that first one.
	 */
	private void holdsStill(String what) {
		double[] last = { tickerOffset() };
		await(what + " holds still").during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3)).until(() -> {
			double now = tickerOffset();
			boolean still = now == last[0];
			last[0] = now;
			return still;
		});
	}

	private double paragraphFontSize() {
		return Double.parseDouble(
				browser().findElement(By.cssSelector(".story-body p")).getCssValue("font-size").replace("px", ""));
	}

	private void waitFor(java.util.function.BooleanSupplier condition) {
		new WebDriverWait(browser(), Duration.ofSeconds(5)).until((driver) -> condition.getAsBoolean());
	}

	private static String describe(List<Rule> violations) {
		return violations.stream()
			.map((rule) -> rule.getId() + " "
					+ rule.getNodes()
						.stream()
						.map((node) -> node.getTarget() + " " + node.getFailureSummary())
						.collect(Collectors.joining(", ")))
			.collect(Collectors.joining("; "));
	}

}
