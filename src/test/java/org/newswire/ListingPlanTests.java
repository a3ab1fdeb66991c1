package org.newswire;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.newswire.article.Publishing;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
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
// Needs no MockMvc: declared so this class shares the reader and desk tests' context.
@AutoConfigureMockMvc
class ListingPlanTests {

	private static final String VISIBLE = "a.pubstatus <> 'canceled' and a.embargoed = false";

	@Autowired
	Publishing publishing;

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
	void theCorrectionsListWalksTheKindIndexWithoutSorting() {
		assertThat(plan("select w.id from writethru w join article a on a.id = w.article_id"
				+ " join section s on s.code = a.section_code join source o on o.code = a.source_code"
				+ " where w.kind = 'CORRECTS' and a.pubstatus = 'usable' and a.embargoed = false"
				+ " order by w.kind desc, w.published_at desc, w.id desc fetch first 50 rows only"))
			.contains("WRITETHRU_KIND_PUBLISHED_IDX")
			.contains("index sorted");
	}

	/**
	 * Four times a second on every node: it must read the waiting stories only. An index
	 * on article (embargo_until) did not do that, the null lift times of every published
	 * story are inside a "<= now" range, and the poll read the whole archive.
	 */
	@Test
	void theReleaseJobReadsOnlyTheStoriesThatWait() {
		long waiting = count("select count(*) from pending_embargo");
		while (count("select count(*) from article") <= waiting + 10) {
			TestStories.story().publish(this.publishing);
		}
		String plan = plan("select p.article_id from pending_embargo p where p.lift_at <= current_timestamp"
				+ " order by p.lift_at, p.article_id fetch first 100 rows only", true);
		Matcher scanned = Pattern.compile("scanCount: (\\d+)").matcher(plan);
		assertThat(scanned.find()).as(plan).isTrue();
		assertThat(Long.parseLong(scanned.group(1))).as(plan).isLessThanOrEqualTo(waiting + 1);
	}

	private long count(String sql) {
		return this.jdbc.queryForObject(sql, Long.class);
	}

	private String plan(String sql) {
		return plan(sql, false);
	}

	/** With {@code analyze}, the plan counts the rows each table was read for. */
	private String plan(String sql, boolean analyze) {
		return this.jdbc.queryForObject((analyze ? "explain analyze " : "explain ") + sql, String.class);
	}

}
