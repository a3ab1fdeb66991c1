package org.newswire;

import org.junit.jupiter.api.Test;
import org.newswire.article.ArticleService;
import org.newswire.article.ArticleSummary;
import org.newswire.article.StaleWritethruException;
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
	ArticleService articles;

	@Autowired
	TickerService ticker;

	@Test
	void publishesWritethrusInSequenceAndKeepsOneTickerHeadlinePerArticle() {
		ArticleSummary first = Stories.story()
			.slugline("Harbour-Bridge")
			.urgency(Urgency.ROUTINE)
			.headline("Harbour bridge reopens after repairs")
			.paragraphs("The bridge reopened on Thursday.", "Traffic was light.")
			.ednote("Eds: first publication")
			.publish(this.articles);
		long id = first.id();

		ArticleSummary second = Stories.writethru(WritethruKind.LD_WRITETHRU)
			.headline("Harbour bridge reopens to heavy traffic")
			.paragraphs("Heavy traffic crossed the reopened bridge.", "Traffic was light early on.")
			.ednote("Eds: UPDATES with traffic")
			.urgency(Urgency.ROUTINE)
			.post(this.articles, id, 1);
		ArticleSummary third = Stories.writethru(WritethruKind.LD_WRITETHRU)
			.headline("Harbour bridge traffic eases by evening")
			.paragraphs("Traffic eased by evening.")
			.ednote("Eds: UPDATES")
			.urgency(Urgency.ROUTINE)
			.post(this.articles, id, 2);

		assertThat(second.current().labelledHeadline())
			.isEqualTo("LD Writethru: Harbour bridge reopens to heavy traffic");
		assertThat(third.current().label()).isEqualTo("2nd LD Writethru");
		assertThat(this.articles.versions(id)).extracting((w) -> w.sequence()).containsExactly(1, 2, 3);
		assertThat(this.ticker.latest()).filteredOn((h) -> Long.valueOf(id).equals(h.getArticleId()))
			.singleElement()
			.satisfies((h) -> assertThat(h.getText()).startsWith("2nd LD Writethru"));
		assertThatExceptionOfType(StaleWritethruException.class).isThrownBy(() -> Stories.writethru(WritethruKind.ADDS)
			.headline("x")
			.paragraphs("y")
			.ednote("Eds: ADDS")
			.byline(null)
			.urgency(Urgency.ROUTINE)
			.editor("bob")
			.post(this.articles, id, 2));
	}

}
