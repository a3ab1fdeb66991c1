package org.newswire;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Listings;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Nothing on a reader page moves once it is painted (Lighthouse's cumulative layout
 * shift): the ticker keeps its height from the first paint whether ticker.js makes it
 * scroll on one line or it stays a static list, and the text-size control keeps its place
 * before font-size.js shows it. Measured by the browser itself (a
 * {@code PerformanceObserver} for {@code layout-shift}) at phone and desktop widths, with
 * and without JavaScript.
 */
class LayoutShiftBrowserTest extends BrowserTestBase {

	/** Issue 9's bar for every page; before the fix the home page shifted by 0.5-0.6. */
	private static final double MAX_SHIFT = 0.02;

	private static final Map<String, Map<String, Object>> WIDTHS = Map.of("phone",
			Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true), "desktop",
			Map.of("width", 1366, "height", 900, "deviceScaleFactor", 1, "mobile", false));

	@Autowired
	Listings listings;

	@Test
	void homeAndArticleDoNotShiftAtPhoneAndDesktopWidthsWithAndWithoutJavaScript() {
		// An updated story: its page has the most above the text (ednote, history link).
		ArticleSummary story = this.listings.latestWithText(null, null, 20)
			.stream()
			.filter((summary) -> summary.updates() > 0)
			.findFirst()
			.orElseThrow();
		ChromeDriver browser = browser();
		SoftAssertions softly = new SoftAssertions();
		try {
			for (boolean scripts : List.of(true, false)) {
				browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", !scripts));
				for (Map.Entry<String, Map<String, Object>> width : WIDTHS.entrySet()) {
					browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", width.getValue());
					for (String path : List.of("/", story.path())) {
						if (scripts) {
							loadPaintingBeforeScripts(browser, path);
						}
						else {
							browser.get(url(path));
						}
						softly.assertThat(layoutShift(browser))
							.as("layout shift of %s at %s width, JavaScript %s", path, width.getKey(),
									scripts ? "on" : "off")
							.isLessThan(MAX_SHIFT);
					}
				}
			}
		}
		finally {
			browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
			browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
			browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		}
		softly.assertAll();
	}

	/**
	 * Loads a page the way a phone on a slow network shows it, and Lighthouse measures
	 * it: painted first, its scripts run afterwards. On loopback the deferred scripts
	 * usually run before the first paint, which would hide any shift they cause, so the
	 * page is loaded with its scripts blocked, painted, and then given its scripts.
	 */
	private void loadPaintingBeforeScripts(ChromeDriver browser, String path) {
		browser.executeCdpCommand("Network.enable", Map.of());
		browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*.js")));
		browser.get(url(path));
		browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
		browser.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const frame = () => new Promise((next) => requestAnimationFrame(() => requestAnimationFrame(next)));
				frame().then(() => Promise.all([...document.querySelectorAll('script[src]')].map((blocked) =>
				  new Promise((ran) => {
				    const script = document.createElement('script');
				    script.src = blocked.src;
				    script.async = false;
				    script.onload = script.onerror = ran;
				    document.head.append(script);
				  })))).then(frame).then(done);""");
		new WebDriverWait(browser, Duration.ofSeconds(5))
			.until((driver) -> !driver.findElements(By.cssSelector(".ticker.is-animated")).isEmpty());
	}

	/**
	 * Every layout shift since the page started loading. A buffered observer is handed
	 * the earlier entries at once, so they can be taken synchronously, which works with
	 * the page's own scripts disabled too. Shifts marked {@code hadRecentInput} count as
	 * well: this test gives no input, but Chromium marks the shifts of a page loaded
	 * under mobile emulation so (the ticker's 0.6 at phone width would go unseen).
	 */
	private static double layoutShift(ChromeDriver browser) {
		return ((Number) browser.executeScript("""
				const observer = new PerformanceObserver(() => {});
				observer.observe({type: 'layout-shift', buffered: true});
				const total = observer.takeRecords().reduce((sum, entry) => sum + entry.value, 0);
				observer.disconnect();
				return total;""")).doubleValue();
	}

}
