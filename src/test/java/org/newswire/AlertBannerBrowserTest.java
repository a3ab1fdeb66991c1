package org.newswire;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Listings;
import org.newswire.article.Publishing;
import org.newswire.article.Urgency;
import org.newswire.article.WritethruKind;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Flash or Bulletin story raises an alert banner on a reader page already open, through
 * the live stream, whether the reader lets things move or not; the reader dismisses it
 * for good, and axe-core finds nothing wrong with the page while it shows.
 * <p>
 * The screenshot for docs/screenshots is written only with {@code -Dscreenshots}.
 */
class AlertBannerBrowserTest extends BrowserTestBase {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private static final AtomicInteger serial = new AtomicInteger();

	/**
	 * Registered before any page script runs: what the live stream handed the page, so a
	 * test knows the stream is open and which alerts arrived.
	 */
	private static final String RECORD_LIVE_EVENTS = "window.__live = [];"
			+ "['newswire:ticker', 'newswire:alert'].forEach(function (type) {"
			+ "  document.addEventListener(type, function (e) { window.__live.push({ type: type, detail: e.detail }); });"
			+ "});";

	@Autowired
	Listings listings;

	@Autowired
	Publishing publishing;

	private final List<ArticleSummary> published = new ArrayList<>();

	private String recorder;

	private String page;

	@BeforeEach
	void recordLiveEvents() {
		Map<String, Object> registered = browser().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
				Map.of("source", RECORD_LIVE_EVENTS));
		this.recorder = (String) registered.get("identifier");
		// BrowserTestBase runs with the demo content: a story page to read.
		this.page = this.listings.latestWithText(null, null, 1).get(0).path();
	}

	@AfterEach
	void forgetAlerts() {
		ChromeDriver browser = browser();
		browser.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", this.recorder));
		browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
		if (browser.getCurrentUrl().startsWith("http://localhost")) {
			browser.executeScript("window.localStorage.clear()");
		}
		// Killed stories leave the ticker, so no alert of ours is left for other tests.
		this.published.forEach((story) -> this.publishing.kill(story.id(), "Withdrawn.", "browser-test"));
	}

	@Test
	void aFlashStoryRaisesABannerOnTheOpenPageThatPassesAxeAndStaysDismissedAfterAReload() {
		ChromeDriver browser = browser();
		open(this.page);
		assertThat(browser.findElements(By.cssSelector(".wire-alert"))).isEmpty();

		ArticleSummary flash = publish(Urgency.FLASH, "Quake strikes off Cape Tarrow");

		WebElement banner = awaitBanner(headline(flash));
		assertThat(banner.getAttribute("role")).isEqualTo("alert");
		assertThat(banner.findElement(By.cssSelector(".wire-alert-level")).getText()).isEqualTo("FLASH");
		WebElement link = banner.findElement(By.tagName("a"));
		assertThat(link.getText()).isEqualTo(headline(flash));
		assertThat(link.getAttribute("href")).isEqualTo(url(flash.path()));
		WebElement dismiss = banner.findElement(By.tagName("button"));
		assertThat(dismiss.getAccessibleName()).isEqualTo("Dismiss alert");
		assertThat(banner.getCssValue("animation-name")).as("slides in").isEqualTo("wire-alert-in");
		// Out of the flow, with as much room left below the page, so it hides no text.
		assertThat(browser.findElement(By.cssSelector(".wire-alerts")).getCssValue("position")).isEqualTo("fixed");
		assertThat(browser.executeScript("return getComputedStyle(document.body).paddingBottom"))
			.isEqualTo(browser.findElement(By.cssSelector(".wire-alerts")).getSize().getHeight() + "px");
		// The ticker leads with it, its level written out.
		WebElement lead = browser.findElement(By.cssSelector("#ticker-list li"));
		assertThat(lead.getAttribute("class")).contains("is-alert");
		assertThat(lead.getAttribute("textContent")).isEqualTo("Flash: " + headline(flash));

		List<Rule> violations = new AxeBuilder().withTags(WCAG_22_AA).analyze(browser).getViolations();
		assertThat(violations).as(() -> describe(violations)).isEmpty();
		assertValidMarkup("page with an alert banner");

		String id = banner.getAttribute("data-alert-id");
		dismiss.click();
		assertThat(browser.findElements(By.cssSelector(".wire-alert"))).isEmpty();
		assertThat(browser.findElement(By.cssSelector(".wire-alerts")).isDisplayed()).isFalse();
		assertThat(browser.switchTo().activeElement().getAttribute("id")).as("focus back in the text")
			.isEqualTo("main");

		// The stream raises the alert again for the reloaded page; it stays dismissed.
		browser.navigate().refresh();
		await((driver) -> alertArrived(id));
		assertThat(browser.findElements(By.cssSelector(".wire-alert"))).isEmpty();
	}

	@Test
	void theBannerAppearsWithoutMovingUnderReducedMotionOrAPausedTickerAndOnlyForFlashAndBulletin() throws IOException {
		ChromeDriver browser = browser();
		browser.executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
		open(this.page);

		ArticleSummary flash = publish(Urgency.FLASH, "Dam gates opened above Kelby");
		WebElement banner = awaitBanner(headline(flash));
		assertThat(banner.isDisplayed()).isTrue();
		assertThat(banner.getCssValue("animation-name")).isEqualTo("none");
		// The ticker stands still too: the picture shows the alert leading it.
		screenshot(browser);

		// Motion allowed, but the reader paused the ticker: the next alert does not move
		// either. A Bulletin writethru is a new alert and replaces the Flash's banner.
		browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
		open(this.page);
		awaitBanner(headline(flash));
		WebElement toggle = browser.findElement(By.cssSelector("button.ticker-toggle"));
		await((driver) -> toggle.isDisplayed());
		browser.executeScript("arguments[0].click()", toggle);
		ArticleSummary bulletin = TestStories.writethru(WritethruKind.LD_WRITETHRU)
			.headline("Dam gates to stay open above Kelby overnight " + serial.incrementAndGet())
			.urgency(Urgency.BULLETIN)
			.editor("browser-test")
			.post(this.publishing, flash);
		WebElement update = awaitBanner(headline(bulletin));
		assertThat(update.findElement(By.cssSelector(".wire-alert-level")).getAttribute("textContent"))
			.isEqualTo("Bulletin");
		assertThat(update.getCssValue("animation-name")).isEqualTo("none");
		await((driver) -> driver.findElements(By.cssSelector(".wire-alert")).size() == 1);

		// A routine story reaches the ticker and raises nothing.
		ArticleSummary routine = publish(Urgency.ROUTINE, "Kelby market reopens after the flood");
		await((driver) -> driver.findElement(By.id("ticker-list"))
			.getAttribute("textContent")
			.contains(headline(routine)));
		assertThat(browser.findElements(By.cssSelector(".wire-alert"))).hasSize(1);
		assertThat(browser.findElement(By.cssSelector(".wire-alert")).getAttribute("textContent"))
			.doesNotContain(headline(routine));
	}

	private ArticleSummary publish(Urgency urgency, String headline) {
		ArticleSummary story = TestStories.story()
			.slugline("Alert-Test")
			.urgency(urgency)
			.headline(headline + " " + serial.incrementAndGet())
			.editor("browser-test")
			.publish(this.publishing);
		this.published.add(story);
		return story;
	}

	/** Loads a page and waits until its live stream has delivered the first ticker. */
	private void open(String path) {
		browser().get(url(path));
		await((driver) -> (Boolean) browser()
			.executeScript("return window.__live.some(function (e) { return e.type === 'newswire:ticker'; })"));
	}

	private WebElement awaitBanner(String headline) {
		return await((driver) -> driver.findElements(By.cssSelector(".wire-alerts .wire-alert"))
			.stream()
			.filter((banner) -> banner.getAttribute("textContent").contains(headline))
			.findFirst()
			.orElse(null));
	}

	private boolean alertArrived(String id) {
		return (Boolean) browser().executeScript("var id = arguments[0]; return window.__live.some(function (e) {"
				+ "  return e.type === 'newswire:alert' && String(e.detail.id) === id; })", id);
	}

	/** The headline as the ticker and the banner show it, led by its label. */
	private static String headline(ArticleSummary story) {
		return story.current().labelledHeadline();
	}

	private <T> T await(Function<WebDriver, T> condition) {
		// Banners come and go under the test's feet as alerts replace each other.
		return new WebDriverWait(browser(), WAIT).ignoring(StaleElementReferenceException.class).until(condition);
	}

	private void screenshot(ChromeDriver browser) throws IOException {
		Path folder = (System.getProperty("screenshots") != null) ? Path.of("docs", "screenshots")
				: Path.of("target", "screenshots");
		Files.createDirectories(folder);
		Files.write(folder.resolve("alert-banner.png"), browser.getScreenshotAs(OutputType.BYTES));
	}

	private static String describe(List<Rule> violations) {
		return violations.stream()
			.map((rule) -> rule.getId() + " " + rule.getNodes().stream().map((node) -> node.getTarget()).toList())
			.toList()
			.toString();
	}

}
