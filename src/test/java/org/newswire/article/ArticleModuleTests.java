package org.newswire.article;

import org.junit.jupiter.api.Test;
import org.newswire.TestStories;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.AssertablePublishedEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The article module with the change record and page cache it writes to, and no module
 * that listens: a story filed, written through and killed through {@link Publishing} is
 * read back through {@link Stories} in each state, and each command announces itself.
 */
@ApplicationModuleTest(BootstrapMode.DIRECT_DEPENDENCIES)
class ArticleModuleTests {

	@Autowired
	Publishing publishing;

	@Autowired
	Stories stories;

	@Test
	void aStoryFiledWrittenThroughAndKilledIsReadInEachStateAndAnnounced(AssertablePublishedEvents events) {
		ArticleSummary filed = TestStories.story().headline("Harbour tolls to rise").publish(this.publishing);
		ArticleSummary updated = TestStories.writethru(WritethruKind.LD_WRITETHRU)
			.headline("Harbour tolls to rise in spring")
			.post(this.publishing, filed);

		assertThat(this.stories.readable(filed.id()).current())
			.extracting(VersionView::sequence, VersionView::label, VersionView::headline)
			.containsExactly(2, "LD Writethru", "Harbour tolls to rise in spring");
		assertThat(this.stories.versions(filed.id())).extracting(VersionView::headline)
			.containsExactly("Harbour tolls to rise", "Harbour tolls to rise in spring");
		assertThat(events.ofType(ArticleEvent.Published.class).matching(ArticleEvent.Published::articleId, filed.id()))
			.extracting(ArticleEvent.Published::sequence, ArticleEvent.Published::path)
			.containsExactly(tuple(1, filed.path()), tuple(2, updated.path()));

		this.publishing.kill(filed.id(), "Withdrawn: tolls unchanged.", "ada");

		assertThat(this.stories.find(filed.id())).get()
			.extracting(ArticleSummary::pubstatus, ArticleSummary::killNotice)
			.containsExactly(PubStatus.CANCELED, "Withdrawn: tolls unchanged.");
		assertThat(events.ofType(ArticleEvent.Killed.class).matching(ArticleEvent.Killed::articleId, filed.id()))
			.extracting(ArticleEvent.Killed::notice, ArticleEvent.Killed::editor)
			.containsExactly(tuple("Withdrawn: tolls unchanged.", "ada"));
	}

}
