package org.newswire;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader lists walk the (updated_at, id) index from the newest story and stop after a
 * page, whatever other indexes the schema gains: an index that also matches their filters
 * (as one on "embargoed" did) makes the embedded database read and sort the whole archive
 * for every page. The statements have the lists' filter and order (see
 * ArticleRepository); EXPLAIN shows which index the planner takes.
 */
@SpringBootTest
class ListingPlanTests {

	private static final String VISIBLE = "a.pubstatus <> 'canceled' and a.embargoed = false";

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void homeAndFeedsWalkTheUpdatedIndex() {
		assertThat(plan("select a.id from article a where " + VISIBLE
				+ " and a.updated_at <= current_timestamp order by a.updated_at desc, a.id desc fetch first 20 rows only"))
			.contains("ARTICLE_UPDATED_IDX");
	}

	@Test
	void sectionPagesWalkTheSectionIndex() {
		assertThat(plan("select a.id from article a where " + VISIBLE + " and a.section_code = 'world'"
				+ " and a.updated_at <= current_timestamp"
				+ " order by a.section_code desc, a.updated_at desc, a.id desc fetch first 20 rows only"))
			.contains("ARTICLE_SECTION_UPDATED_IDX");
	}

	@Test
	void theNewsSitemapWalksTheFirstPublishedIndex() {
		assertThat(plan("select a.id from article a where " + VISIBLE
				+ " and a.first_published_at >= current_timestamp - interval '2' day"
				+ " order by a.first_published_at desc, a.id desc fetch first 1000 rows only"))
			.contains("ARTICLE_FIRST_PUBLISHED_IDX");
	}

	@Test
	void theReleaseJobFindsDueEmbargoesByTheirTime() {
		assertThat(plan("select a.id from article a where a.embargoed = true and a.embargo_until <= current_timestamp"
				+ " and a.pubstatus <> 'canceled' order by a.embargo_until, a.id fetch first 50 rows only"))
			.contains("ARTICLE_EMBARGO_UNTIL_IDX");
	}

	private String plan(String sql) {
		return this.jdbc.queryForObject("explain " + sql, String.class);
	}

}
