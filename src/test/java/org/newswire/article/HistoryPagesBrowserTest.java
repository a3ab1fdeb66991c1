package org.newswire.article;

import java.util.List;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Test;
import org.newswire.BrowserTestBase;
import org.newswire.TestStories;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history, corrections and search pages in a real browser: changes told apart without
 * colour, and no WCAG 2.2 AA violations axe can find.
 */
class HistoryPagesBrowserTest extends BrowserTestBase {

	@Autowired
	Publishing publishing;

	@Test
	void insertionsAndDeletionsDifferInShapeNotOnlyColour() {
		String path = publishWithCorrection();
		ChromeDriver browser = browser();
		browser.get(url(path + "/compare?from=1&to=2"));

		assertThat(browser.findElement(By.cssSelector(".history-diff del")).getCssValue("text-decoration-line"))
			.contains("line-through");
		assertThat(browser.findElement(By.cssSelector(".history-diff ins")).getCssValue("text-decoration-line"))
			.contains("underline");
	}

	@Test
	void historyCorrectionsAndSearchPagesPassAxe() {
		String path = publishWithCorrection();
		for (String page : List.of(path + "/versions", path + "/versions/1", path + "/compare?from=1&to=2",
				path + "/compare?from=2&to=2", "/corrections", "/search", "/search?q=wherrimbal")) {
			browser().get(url(page));
			// The layout around <main> (breadcrumbs, ticker) is the site module's to
			// check.
			List<Rule> violations = new AxeBuilder().withTags(WCAG_22_AA)
				.include("main")
				.analyze(browser())
				.getViolations();
			assertThat(violations).as(page + ": " + describe(violations)).isEmpty();
		}
	}

	private String publishWithCorrection() {
		ArticleSummary first = TestStories.story()
			.section("culture")
			.slugline("Wherrimbal-Mural")
			.byline("By Lio Brenn")
			.urgency(Urgency.DAILY)
			.headline("Wherrimbal mural unveiled downtown")
			.paragraphs("A mural by the painter Ada Wherrimbal was unveiled on Tuesday.", "It covers three walls.")
			.ednote("Eds: first publication")
			.editor("lio")
			.publish(this.publishing);
		return TestStories.writethru(WritethruKind.CORRECTS)
			.headline("Wherrimbal mural unveiled downtown")
			.paragraphs("A mural by the painter Ada Wherrimbal was unveiled on Wednesday.", "It covers three walls.")
			.ednote("Eds: CORRECTS day")
			.correctionNote("Corrects day of unveiling to Wednesday.")
			.byline("By Lio Brenn")
			.urgency(Urgency.DAILY)
			.editor("lio")
			.post(this.publishing, first.id(), 1)
			.path();
	}

	private static String describe(List<Rule> violations) {
		return violations.stream().map((rule) -> rule.getId() + " (" + rule.getHelp() + ")").toList().toString();
	}

}
