package org.newswire;

import org.junit.jupiter.api.Test;
import org.newswire.article.ArticleException;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Publishing;
import org.newswire.article.Stories;
import org.newswire.article.Urgency;
import org.newswire.article.WritethruKind;
import org.newswire.ticker.TickerService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Flyway migrations build the schema Hibernate validates, and the publishing rules
 * hold against the real database.
 */
@SpringBootTest
// Needs no MockMvc: declared so this class shares the reader and desk tests' context.
@AutoConfigureMockMvc
class SchemaTests {

	@Autowired
	Publishing publishing;

	@Autowired
	Stories stories;

	@Autowired
	TickerService ticker;

	@Test
	void publishesWritethrusInSequenceAndKeepsOneTickerHeadlinePerArticle() {
		ArticleSummary first = TestStories.story()
			.slugline("Harbour-Bridge")
			.urgency(Urgency.ROUTINE)
			.headline("Harbour bridge reopens after repairs")
			.paragraphs("The bridge reopened on Thursday.", "Traffic was light.")
			.ednote("Eds: first publication")
			.publish(this.publishing);
		long id = first.id();

		ArticleSummary second = TestStories.writethru(WritethruKind.LD_WRITETHRU)
			.headline("Harbour bridge reopens to heavy traffic")
			.paragraphs("Heavy traffic crossed the reopened bridge.", "Traffic was light early on.")
			.ednote("Eds: UPDATES with traffic")
			.urgency(Urgency.ROUTINE)
			.post(this.publishing, id, 1);
		ArticleSummary third = TestStories.writethru(WritethruKind.LD_WRITETHRU)
			.headline("Harbour bridge traffic eases by evening")
			.paragraphs("Traffic eased by evening.")
			.ednote("Eds: UPDATES")
			.urgency(Urgency.ROUTINE)
			.post(this.publishing, id, 2);

		assertThat(second.current().labelledHeadline())
			.isEqualTo("LD Writethru: Harbour bridge reopens to heavy traffic");
		assertThat(third.current().label()).isEqualTo("2nd LD Writethru");
		assertThat(this.stories.versions(id)).extracting((w) -> w.sequence()).containsExactly(1, 2, 3);
		assertThat(this.ticker.latest()).filteredOn((h) -> Long.valueOf(id).equals(h.getArticleId()))
			.singleElement()
			.satisfies((h) -> assertThat(h.getText()).startsWith("2nd LD Writethru"));
		assertThatExceptionOfType(ArticleException.Stale.class)
			.isThrownBy(() -> TestStories.writethru(WritethruKind.ADDS)
				.headline("x")
				.paragraphs("y")
				.ednote("Eds: ADDS")
				.byline(null)
				.urgency(Urgency.ROUTINE)
				.editor("bob")
				.post(this.publishing, id, 2));
	}

}
