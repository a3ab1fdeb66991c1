package org.newswire;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.newswire.article.ArticleService;
import org.newswire.article.ArticleSummary;
import org.newswire.article.NewArticle;
import org.newswire.article.StaleWritethruException;
import org.newswire.article.WritethruDraft;
import org.newswire.article.WritethruKind;
import org.newswire.ticker.TickerService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Flyway migrations build the schema Hibernate validates, and the publishing rules
 * hold against the real database.
 */
@SpringBootTest
class SchemaTests {

	@Autowired
	ArticleService articles;

	@Autowired
	TickerService ticker;

	@Test
	void publishesWritethrusInSequenceAndKeepsOneTickerHeadlinePerArticle() {
		ArticleSummary first = this.articles.publish(
				new NewArticle("world", "Harbour-Bridge", "NWS", "PORT ELLIS, Nov. 26 (Newswire) --", "By Ada Quill",
						"en", 4, "Harbour bridge reopens after repairs",
						List.of("The bridge reopened on Thursday.", "Traffic was light."), "Eds: first publication"),
				"ada");
		long id = first.article().getId();

		ArticleSummary second = this.articles.postWritethru(id, 1,
				new WritethruDraft(WritethruKind.LD_WRITETHRU, "Harbour bridge reopens to heavy traffic",
						List.of("Heavy traffic crossed the reopened bridge.", "Traffic was light early on."),
						"Eds: UPDATES with traffic", null, "By Ada Quill", 4),
				"ada");
		ArticleSummary third = this.articles.postWritethru(id, 2,
				new WritethruDraft(WritethruKind.LD_WRITETHRU, "Harbour bridge traffic eases by evening",
						List.of("Traffic eased by evening."), "Eds: UPDATES", null, "By Ada Quill", 4),
				"ada");

		assertThat(second.current().getLabelledHeadline())
			.isEqualTo("LD Writethru: Harbour bridge reopens to heavy traffic");
		assertThat(third.current().getLabel()).isEqualTo("2nd LD Writethru");
		assertThat(this.articles.versions(id)).extracting((w) -> w.getSequence()).containsExactly(1, 2, 3);
		assertThat(this.ticker.latest()).filteredOn((h) -> Long.valueOf(id).equals(h.getArticleId()))
			.singleElement()
			.satisfies((h) -> assertThat(h.getText()).startsWith("2nd LD Writethru"));
		assertThatExceptionOfType(StaleWritethruException.class).isThrownBy(() -> this.articles.postWritethru(id, 2,
				new WritethruDraft(WritethruKind.ADDS, "x", List.of("y"), "Eds: ADDS", null, null, 4), "bob"));
	}

}
