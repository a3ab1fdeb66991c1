package org.newswire.desk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.newswire.article.ArticleService;
import org.newswire.article.VersionView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newswire.desk.DeskFixtures.asEditor;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Two editors racing on one article: nobody's text is lost and no two versions share a
 * sequence number.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeskConflictTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ArticleService articles;

	@Test
	void theSecondEditorGetsAConflictPageWithBothTextsAndCanResubmit() throws Exception {
		long id = DeskFixtures.story(this.articles, "Council votes on the harbour plan").id();

		MockHttpServletResponse first = this.mvc
			.perform(asEditor(writethru(id, 1, "Council approves the harbour plan", "Bea's lead: the vote passed."),
					"bea"))
			.andReturn()
			.getResponse();
		assertThat(first.getStatus()).isEqualTo(302);

		MockHttpServletResponse conflict = this.mvc
			.perform(asEditor(
					writethru(id, 1, "Council backs harbour plan by two votes", "Cal's lead: two votes decided it."),
					"cal"))
			.andReturn()
			.getResponse();
		assertThat(conflict.getStatus()).isEqualTo(409);
		Document page = Jsoup.parse(conflict.getContentAsString());
		assertThat(page.select(".conflict").text()).contains("LD Writethru: Council approves the harbour plan")
			.contains("Bea's lead: the vote passed.")
			.contains("bea published version 2");
		assertThat(page.select("input[name=headline]").val()).isEqualTo("Council backs harbour plan by two votes");
		assertThat(page.select("textarea[name=body]").text()).isEqualTo("Cal's lead: two votes decided it.");
		assertThat(page.select("input[name=ednote]").val()).isEqualTo("Eds: UPDATES");
		assertThat(page.select("input[name=baseSequence]").val()).isEqualTo("2");
		assertThat(page.select("#next-label").text()).isEqualTo("2nd LD Writethru");
		assertThat(this.articles.versions(id)).hasSize(2);

		assertThat(
				this.mvc
					.perform(asEditor(writethru(id, 2, "Council backs harbour plan by two votes",
							"Cal's lead: two votes decided it."), "cal"))
					.andReturn()
					.getResponse()
					.getStatus())
			.isEqualTo(302);
		VersionView current = this.articles.find(id).orElseThrow().current();
		assertThat(current.sequence()).isEqualTo(3);
		assertThat(current.labelledHeadline()).isEqualTo("2nd LD Writethru: Council backs harbour plan by two votes");
		assertThat(current.editor()).isEqualTo("cal");
	}

	@Test
	void manyEditorsPostingAtOnceGetConsecutiveSequencesAndNeverAnError() throws Exception {
		long id = DeskFixtures.story(this.articles, "Marathon route changes at short notice").id();
		int editors = 8;
		ExecutorService pool = Executors.newFixedThreadPool(editors);
		CountDownLatch start = new CountDownLatch(1);
		List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
		List<Future<?>> done = new ArrayList<>();
		for (int e = 0; e < editors; e++) {
			String editor = "racer" + e;
			done.add(pool.submit(() -> {
				start.await();
				int base = 1;
				for (int attempt = 0; attempt < 100; attempt++) {
					MockHttpServletResponse response = this.mvc
						.perform(asEditor(writethru(id, base, "Marathon route update from " + editor,
								"Update filed by " + editor + "."), editor))
						.andReturn()
						.getResponse();
					statuses.add(response.getStatus());
					if (response.getStatus() != 409) {
						return null;
					}
					// Resubmit what the conflict page kept, on the version it says is
					// current.
					base = Integer
						.parseInt(Jsoup.parse(response.getContentAsString()).select("input[name=baseSequence]").val());
				}
				throw new AssertionError(editor + " never got through");
			}));
		}
		start.countDown();
		for (Future<?> future : done) {
			future.get(2, TimeUnit.MINUTES);
		}
		pool.shutdown();

		assertThat(statuses).allSatisfy((status) -> assertThat(status).isIn(302, 409));
		assertThat(statuses).filteredOn((status) -> status == 302).hasSize(editors);
		assertThat(this.articles.versions(id)).extracting(VersionView::sequence)
			.containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
		assertThat(this.articles.versions(id).subList(1, editors + 1)).extracting(VersionView::editor)
			.containsExactlyInAnyOrder("racer0", "racer1", "racer2", "racer3", "racer4", "racer5", "racer6", "racer7");
	}

	private static MockHttpServletRequestBuilder writethru(long id, int base, String headline, String body) {
		return writethru(id, base, headline, body, "publish");
	}

	private static MockHttpServletRequestBuilder writethru(long id, int base, String headline, String body,
			String action) {
		return post("/desk/articles/{id}/writethru", id).param("action", action)
			.param("baseSequence", String.valueOf(base))
			.param("kind", "LD_WRITETHRU")
			.param("headline", headline)
			.param("body", body)
			.param("ednote", "Eds: UPDATES")
			.param("urgency", "4");
	}

}
