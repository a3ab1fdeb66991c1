package org.newswire.desk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.newswire.DeskFixtures;
import org.newswire.RenderedForm;
import org.newswire.article.Publishing;
import org.newswire.article.Stories;
import org.newswire.article.VersionView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newswire.DeskFixtures.asEditor;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
	Publishing publishing;

	@Autowired
	Stories stories;

	@Test
	void theSecondEditorGetsAConflictPageWithBothTextsAndCanResubmit() throws Exception {
		long id = DeskFixtures.story(this.publishing, "Council votes on the harbour plan").id();
		// Both open the writethru form on version 1 and preview their text.
		Document bea = preview(id, "bea", "Council approves the harbour plan", "Bea's lead: the vote passed.");
		Document cal = preview(id, "cal", "Council backs harbour plan by two votes",
				"Cal's lead: two votes decided it.");

		assertThat(publish(id, bea, "bea").getStatus()).isEqualTo(302);

		MockHttpServletResponse conflict = publish(id, cal, "cal");
		assertThat(conflict.getStatus()).isEqualTo(409);
		Document page = Jsoup.parse(conflict.getContentAsString());
		assertThat(page.select(".conflict .preview-headline").text())
			.isEqualTo("LD Writethru: Council approves the harbour plan");
		assertThat(page.select(".conflict .other-version > p:not([class])").eachText())
			.isEqualTo(List.of("Bea's lead: the vote passed."));
		assertThat(page.select(".conflict").text()).contains("bea published version 2");
		assertThat(page.select("input[name=headline]").val()).isEqualTo("Council backs harbour plan by two votes");
		assertThat(page.select("textarea[name=body]").val()).isEqualTo("Cal's lead: two votes decided it.");
		assertThat(page.select("input[name=ednote]").val()).isEqualTo("Eds: UPDATES");
		assertThat(page.select("input[name=baseSequence]").val()).isEqualTo("2");
		assertThat(page.select("#next-label").text()).isEqualTo("2nd LD Writethru");
		assertThat(this.stories.versions(id)).hasSize(2);

		assertThat(publish(id, page, "cal").getStatus()).isEqualTo(302);
		VersionView current = this.stories.find(id).orElseThrow().current();
		assertThat(current.sequence()).isEqualTo(3);
		assertThat(current.labelledHeadline()).isEqualTo("2nd LD Writethru: Council backs harbour plan by two votes");
		assertThat(current.paragraphs()).containsExactly("Cal's lead: two votes decided it.");
		assertThat(current.editor()).isEqualTo("cal");
	}

	@Test
	void manyEditorsPostingAtOnceGetConsecutiveSequencesAndNeverAnError() throws Exception {
		long id = DeskFixtures.story(this.publishing, "Marathon route changes at short notice").id();
		int editors = 8;
		// Every editor has the form filled in and previewed on version 1 before anyone
		// presses Publish.
		Map<String, Document> previews = new LinkedHashMap<>();
		for (int e = 0; e < editors; e++) {
			String editor = "racer" + e;
			previews.put(editor,
					preview(id, editor, "Marathon route update from " + editor, "Update filed by " + editor + "."));
		}
		ExecutorService pool = Executors.newFixedThreadPool(editors);
		CountDownLatch start = new CountDownLatch(1);
		List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
		List<Future<?>> done = new ArrayList<>();
		previews.forEach((editor, preview) -> done.add(pool.submit(() -> {
			start.await();
			Document page = preview;
			for (int attempt = 0; attempt < 100; attempt++) {
				MockHttpServletResponse response = publish(id, page, editor);
				statuses.add(response.getStatus());
				if (response.getStatus() != 409) {
					return null;
				}
				// Publish again from the conflict page, which keeps the text on the
				// version it says is current.
				page = Jsoup.parse(response.getContentAsString());
			}
			throw new AssertionError(editor + " never got through");
		})));
		start.countDown();
		for (Future<?> future : done) {
			future.get(2, TimeUnit.MINUTES);
		}
		pool.shutdown();

		assertThat(statuses).allSatisfy((status) -> assertThat(status).isIn(302, 409));
		assertThat(statuses).filteredOn((status) -> status == 302).hasSize(editors);
		assertThat(this.stories.versions(id)).extracting(VersionView::sequence)
			.containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
		assertThat(this.stories.versions(id).subList(1, editors + 1)).extracting(VersionView::editor)
			.containsExactlyInAnyOrder("racer0", "racer1", "racer2", "racer3", "racer4", "racer5", "racer6", "racer7");
		assertThat(this.stories.versions(id).subList(1, editors + 1))
			.allSatisfy((version) -> assertThat(version.paragraphs())
				.containsExactly("Update filed by " + version.editor() + "."));
	}

	/**
	 * The writethru form as the editor opens it, filled in with a new lead and previewed.
	 */
	private Document preview(long id, String editor, String headline, String body) throws Exception {
		String action = "/desk/articles/" + id + "/writethru";
		String form = this.mvc.perform(asEditor(get(action), editor))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		RenderedForm writethru = RenderedForm.of(form, action)
			.choose("kind", "LD_WRITETHRU")
			.type("headline", headline)
			.type("body", body)
			.type("ednote", "Eds: UPDATES")
			.choose("urgency", "4")
			.press("preview");
		return Jsoup.parse(this.mvc.perform(asEditor(writethru.request(), editor))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	/**
	 * Publish pressed on a preview or a conflict page.
	 */
	private MockHttpServletResponse publish(long id, Document page, String editor) throws Exception {
		return this.mvc
			.perform(asEditor(
					RenderedForm.of(page.outerHtml(), "/desk/articles/" + id + "/writethru").press("publish").request(),
					editor))
			.andReturn()
			.getResponse();
	}

}
