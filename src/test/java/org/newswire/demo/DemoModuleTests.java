package org.newswire.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Listings;
import org.newswire.article.Publishing;
import org.newswire.article.SectionView;
import org.newswire.article.Stories;
import org.newswire.article.VersionView;
import org.newswire.article.WritethruKind;
import org.newswire.ticker.Headline;
import org.newswire.ticker.TickerService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo module with the articles and the ticker it fills, and the modules they write
 * to: demo content loaded into the context's own empty database at start.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = { "change", "pagecache" })
@TestPropertySource(properties = "newswire.demo.enabled=true")
class DemoModuleTests {

	@Autowired
	Listings listings;

	@Autowired
	Publishing publishing;

	@Autowired
	Stories stories;

	@Autowired
	TickerService ticker;

	@Autowired
	DemoContent demoContent;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void fillsEverySectionWithStoriesSpreadOverThePastDays() {
		assertThat(this.listings.count()).isGreaterThanOrEqualTo(14);
		for (SectionView section : this.listings.sections()) {
			assertThat(this.listings.latestWithText(section.code(), null, 1)).as(section.code()).isNotEmpty();
		}
		List<ArticleSummary> all = demoStories();
		Instant now = Instant.now();
		assertThat(all).extracting((story) -> story.firstPublishedAt())
			.anySatisfy((first) -> assertThat(first).isBefore(now.minus(Duration.ofHours(60))))
			.anySatisfy((first) -> assertThat(first).isAfter(now.minus(Duration.ofHours(6))))
			.allSatisfy((first) -> assertThat(first).isBefore(now));
		assertThat(all).allSatisfy((story) -> {
			assertThat(story.dateline())
				.matches("[A-Z][A-Z ]+, [A-Z][a-z]+\\.? \\d{1,2} \\((Newswire|Harbour Press)\\) --");
			assertThat(story.current().paragraphs()).hasSizeBetween(3, 6);
		});
		assertThat(all).filteredOn((story) -> story.byline() != null).hasSizeGreaterThan(all.size() / 2);
		assertThat(all).extracting((story) -> story.source().code()).contains("NWS", "HBR");
	}

	@Test
	void severalStoriesHaveWritethrusOfEveryKindWithTheirLabels() {
		List<List<VersionView>> histories = demoStories().stream()
			.map((story) -> this.stories.versions(story.id()))
			.toList();
		assertThat(histories).filteredOn((versions) -> versions.size() >= 3 && versions.size() <= 5)
			.hasSizeGreaterThanOrEqualTo(5);
		List<VersionView> updates = histories.stream().flatMap(List::stream).filter((w) -> w.sequence() > 1).toList();
		Set<WritethruKind> kinds = updates.stream().map(VersionView::kind).collect(Collectors.toSet());
		assertThat(kinds).isEqualTo(EnumSet.allOf(WritethruKind.class));
		assertThat(updates).extracting(VersionView::label)
			.contains("LD Writethru", "2nd LD Writethru", "Writethru", "Correction", "Adds");
		assertThat(updates).allSatisfy((update) -> assertThat(update.ednote()).startsWith("Eds: "));
		assertThat(updates).filteredOn((update) -> update.kind() == WritethruKind.CORRECTS)
			.isNotEmpty()
			.allSatisfy((correction) -> assertThat(correction.correctionNote()).isNotBlank());
	}

	@Test
	void tickerCarriesHeadlinesOfMixedUrgencyOnePerArticle() {
		List<Integer> standing = this.jdbc.queryForList("select urgency from headline where withdrawn = false",
				Integer.class);
		assertThat(standing).hasSizeGreaterThanOrEqualTo(15).contains(1, 2, 3, 4, 5);
		List<Headline> latest = this.ticker.latest();
		assertThat(latest).hasSize(TickerService.SIZE);
		List<Long> linked = latest.stream().map(Headline::getArticleId).filter(Objects::nonNull).toList();
		assertThat(linked).isNotEmpty().doesNotHaveDuplicates();
		assertThat(latest).anySatisfy((headline) -> assertThat(headline.getArticleId()).isNull());
	}

	@Test
	void loadsOnlyIntoAnEmptyDatabase() throws Exception {
		long publishing = this.listings.count();
		int headlines = this.jdbc.queryForObject("select count(*) from headline", Integer.class);

		this.demoContent.run();

		assertThat(this.listings.count()).isEqualTo(publishing);
		assertThat(this.jdbc.queryForObject("select count(*) from headline", Integer.class)).isEqualTo(headlines);
	}

	@Test
	void productionProfileTurnsDemoContentOff() throws Exception {
		assertThat(PropertiesLoaderUtils.loadProperties(new ClassPathResource("application-postgres.properties"))
			.getProperty("newswire.demo.enabled")).isEqualTo("false");
	}

	/** The demo's own stories: a test may add its own. */
	private List<ArticleSummary> demoStories() {
		return this.listings.latestWithText(null, null, 500)
			.stream()
			.filter((story) -> this.stories.version(story.id(), 1)
				.map((first) -> DemoContent.EDITOR.equals(first.editor()))
				.orElse(false))
			.toList();
	}

}
