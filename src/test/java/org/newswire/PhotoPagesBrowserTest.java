package org.newswire;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Test;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Publishing;
import org.newswire.photo.Photo;
import org.newswire.photo.PhotoLibrary;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * In Chromium, the article page's lead photo is fetched at the rendition its layout asks
 * for: the narrow one on a phone, the widest on a desktop with a high-density screen; the
 * page stays free of WCAG 2.2 AA violations with it.
 */
class PhotoPagesBrowserTest extends BrowserTestBase {

	@Autowired
	Publishing publishing;

	@Autowired
	PhotoLibrary library;

	@Test
	void theArticlePageLoadsTheRenditionItsWidthAsksFor() throws IOException {
		Photo photo = this.library.add(new PhotoLibrary.Upload(TestPhotos.jpeg(2400, 1600).bytes(), "ferry.jpg",
				TestPhotos.CAPTION, TestPhotos.CREDIT, TestPhotos.ALT), "desk-admin");
		ArticleSummary story = TestStories.story()
			.headline("Winter ferry timetable starts on Monday")
			.photo(photo.id())
			.publish(this.publishing);
		ChromeDriver browser = browser();
		try {
			// A phone at one device pixel per CSS pixel: the text column is 343 px wide.
			assertThat(currentSrc(story.path(), 375, 1, "photo-article-phone.png"))
				.isEqualTo(url("/media/" + photo.hash() + "/640.webp"));
			// A desktop at two: the column is 44rem, 704 CSS px, 1408 device pixels.
			assertThat(currentSrc(story.path(), 1280, 2, "photo-article-desktop.png"))
				.isEqualTo(url("/media/" + photo.hash() + "/1600.webp"));
			Results results = new AxeBuilder().withTags(WCAG_22_AA).analyze(browser);
			assertThat(results.getViolations()).as(() -> describe(results.getViolations())).isEmpty();
			assertValidMarkup("article with a photo");
		}
		finally {
			browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		}
	}

	/**
	 * Loads the page at that width and density, screenshots it into target/screenshots
	 * (docs/screenshots with {@code -Dscreenshots}) and answers what the photo's img
	 * loaded.
	 */
	private String currentSrc(String path, int width, int density, String file) throws IOException {
		ChromeDriver browser = browser();
		browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", 900, "deviceScaleFactor", density, "mobile", width < 600));
		browser.get(url(path));
		String script = "const img = document.querySelector('figure.story-photo img');"
				+ " return img.complete && img.naturalWidth > 0 ? img.currentSrc : null";
		String loaded = await().atMost(Duration.ofSeconds(10))
			.until(() -> (String) browser.executeScript(script), (src) -> src != null);
		// Decoded, not only loaded: a screenshot taken before shows an empty box.
		browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
				+ " document.querySelector('figure.story-photo img').decode().then(() => done(true), () => done(false))");
		Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
		Map<String, Object> shot = browser
			.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip",
					Map.of("x", 0, "y", 0, "width", width, "height", Math.min(height.intValue(), 1400), "scale", 1)));
		Path folder = Files.createDirectories((System.getProperty("screenshots") != null)
				? Path.of("docs", "screenshots") : Path.of("target", "screenshots"));
		Files.write(folder.resolve(file), Base64.getDecoder().decode((String) shot.get("data")));
		return loaded;
	}

	private static String describe(List<Rule> violations) {
		return violations.stream()
			.map((rule) -> rule.getId() + ": "
					+ rule.getNodes()
						.stream()
						.map((node) -> node.getTarget().toString())
						.collect(Collectors.joining(", ")))
			.collect(Collectors.joining("; "));
	}

}
