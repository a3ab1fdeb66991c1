package org.newswire;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Test;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Publishing;
import org.newswire.article.Stories;
import org.newswire.article.Urgency;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An editor signs in, files a writethru through the desk form and sees it on the reader
 * pages; axe-core finds nothing to fix on any desk page.
 */
class DeskBrowserTest extends BrowserTestBase {

	private static final String ADMIN = "desk-admin";

	private static final String PASSWORD = "browser-test-password";

	private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

	@Autowired
	Publishing publishing;

	@Autowired
	Stories stories;

	@Test
	void deskPagesHaveNoAccessibilityViolations() {
		ChromeDriver browser = browser();
		browser.manage().deleteAllCookies();
		browser.get(url("/desk/login"));
		assertAccessible("sign-in page");
		signIn();
		// The desk session is never sent to reader pages, which stay cookie-free.
		assertThat(browser.manage().getCookieNamed("JSESSIONID").getPath()).isEqualTo("/desk");
		assertThat(browser.manage().getCookieNamed("JSESSIONID").isHttpOnly()).isTrue();
		long id = story("Tide gauge records the highest water in years").id();
		for (String path : List.of("/desk", "/desk/articles/new", "/desk/articles/" + id + "/writethru",
				"/desk/articles/" + id + "/kill", "/desk/ticker", "/desk/audit", "/desk/editors",
				"/desk/editors/new")) {
			browser.get(url(path));
			assertThat(browser.findElement(By.tagName("h1")).getText()).as(path).isNotBlank();
			assertAccessible(path);
		}

		browser.get(url("/desk/articles/new"));
		browser.findElement(By.cssSelector("button[value=preview]")).click();
		assertThat(awaitElement(By.id("error-summary")).getText()).contains("Fill in this field.");
		assertAccessible("new story form with errors");

		browser.get(url("/desk/articles/" + id + "/writethru"));
		browser.findElement(By.id("ednote")).sendKeys("Eds: UPDATES with the evening reading");
		browser.findElement(By.cssSelector("button[value=preview]")).click();
		assertThat(awaitElement(By.id("next-label")).getText()).isEqualTo("LD Writethru");
		assertAccessible("writethru preview");
	}

	@Test
	void writethruPostedThroughTheFormShowsItsLabelOnTheArticlePageAndTheTicker() {
		ChromeDriver browser = browser();
		signIn();
		ArticleSummary story = story("Ferry timetable changes for the winter");
		long id = story.id();

		browser.get(url("/desk/articles/" + id + "/writethru"));
		new Select(browser.findElement(By.id("kind"))).selectByValue("LD_WRITETHRU");
		WebElement headline = browser.findElement(By.id("headline"));
		headline.clear();
		headline.sendKeys("Winter ferry timetable adds a late sailing");
		browser.findElement(By.id("ednote")).sendKeys("Eds: UPDATES with late sailing");
		browser.findElement(By.cssSelector("button[value=preview]")).click();
		assertThat(awaitElement(By.id("next-label")).getText()).isEqualTo("LD Writethru");
		browser.findElement(By.cssSelector("button[value=publish]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((driver) -> driver.getCurrentUrl().endsWith("/desk"));
		assertThat(browser.findElement(By.cssSelector("[role=status] > span")).getText())
			.isEqualTo("Published: LD Writethru: Winter ferry timetable adds a late sailing.");

		ArticleSummary stored = this.stories.find(id).orElseThrow();
		assertThat(stored.current().labelledHeadline())
			.isEqualTo("LD Writethru: Winter ferry timetable adds a late sailing");
		assertThat(stored.current().ednote()).isEqualTo("Eds: UPDATES with late sailing");
		browser.get(url(stored.path()));
		// The reader page sets the label on a line of its own above the headline; that
		// line break is the space between them in the markup.
		assertThat(browser.findElement(By.tagName("h1")).getText().replace('\n', ' '))
			.isEqualTo("LD Writethru: Winter ferry timetable adds a late sailing");
		browser.get(url("/"));
		assertThat(awaitElement(By.cssSelector("#ticker-list a[href='" + stored.path() + "']")).getText())
			.isEqualTo("LD Writethru: Winter ferry timetable adds a late sailing");
	}

	/**
	 * A story under embargo counts down on the desk listing and its story page, and the
	 * story page passes axe-core. The picture of the listing goes to target/screenshots,
	 * or to docs/screenshots with {@code -Dscreenshots}.
	 */
	@Test
	void anEmbargoedStoryCountsDownOnTheDesk() throws IOException {
		ChromeDriver browser = browser();
		signIn();
		Instant until = Instant.now().plus(Duration.ofHours(2)).plusSeconds(15);
		ArticleSummary filed = this.publishing.publish(TestStories.story()
			.slugline("Budget-Embargo")
			.headline("Harbour budget doubles the dredging fund")
			.paragraphs("The harbour board will present its budget at noon.")
			.draft(), until, ADMIN);

		browser.get(url("/desk/articles/" + filed.id()));
		assertThat(awaitElement(By.cssSelector(".embargo-status")).getText()).startsWith("Embargoed until");
		assertCountingDown(".embargo-status .countdown");
		assertAccessible("story page under embargo");
		assertValidMarkup("story page counting down its embargo");

		browser.manage().window().setSize(new Dimension(1280, 900));
		browser.get(url("/desk"));
		assertCountingDown(".status-embargoed .countdown");
		assertValidMarkup("desk listing counting down an embargo");
		Path folder = (System.getProperty("screenshots") != null) ? Path.of("docs", "screenshots")
				: Path.of("target", "screenshots");
		Files.createDirectories(folder);
		Files.write(folder.resolve("desk-embargo.png"), browser.getScreenshotAs(OutputType.BYTES));
	}

	private void assertCountingDown(String selector) {
		WebElement countdown = awaitElement(By.cssSelector(selector));
		new WebDriverWait(browser(), Duration.ofSeconds(5))
			.until((driver) -> countdown.getText().matches("\\(in 2 h \\d\\d min \\d\\d s\\)"));
		String first = countdown.getText();
		new WebDriverWait(browser(), Duration.ofSeconds(5)).until((driver) -> !countdown.getText().equals(first));
	}

	private void signIn() {
		ChromeDriver browser = browser();
		browser.get(url("/desk/login"));
		browser.findElement(By.id("username")).sendKeys(ADMIN);
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		browser.findElement(By.cssSelector("main button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((driver) -> driver.getCurrentUrl().endsWith("/desk"));
	}

	private ArticleSummary story(String headline) {
		return TestStories.story()
			.slugline("Browser-Test")
			.urgency(Urgency.ROUTINE)
			.headline(headline)
			.paragraphs("The first paragraph.", "The second paragraph.")
			.ednote("Eds: first publication")
			.publish(this.publishing);
	}

	private void assertAccessible(String page) {
		Results results = new AxeBuilder().withTags(WCAG).analyze(browser());
		assertThat(results.getViolations()).as(page + ": " + describe(results.getViolations())).isEmpty();
	}

	private static String describe(List<Rule> violations) {
		return violations.stream()
			.map((rule) -> rule.getId() + " "
					+ rule.getNodes()
						.stream()
						.map((node) -> String.valueOf(node.getTarget()))
						.collect(Collectors.joining(", ")))
			.collect(Collectors.joining("; "));
	}

	/**
	 * An element of the page a click is loading: the click may return before the new page
	 * arrives, most of all on a busy CI machine.
	 */
	private WebElement awaitElement(By locator) {
		return new WebDriverWait(browser(), Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(locator));
	}

}
