package org.newswire.pagecache;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.newswire.change.ChangeKind;
import org.newswire.change.Changes;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page cache with the change record it follows: a change recorded in a transaction
 * drops, once this node has followed it, the pages of its article, its section and the
 * lists, and nothing else; a ticker change drops no page.
 */
@ApplicationModuleTest(BootstrapMode.DIRECT_DEPENDENCIES)
class PageCacheModuleTests {

	@Autowired
	PageCache cache;

	@Autowired
	Changes changes;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aRecordedChangeDropsThePagesOfItsArticleSectionAndListsOnly() {
		store("/articles/41/tide-tables", "article:41");
		store("/articles/42/harbour-tolls", "article:42");
		store("/sections/world", "section:world");
		store("/sections/business", "section:business");
		store("/", PageTags.LISTS);

		record(ChangeKind.TICKER, null, null);
		assertThat(stored()).as("after a ticker change")
			.containsExactly("/articles/41/tide-tables", "/articles/42/harbour-tolls", "/sections/world",
					"/sections/business", "/");

		record(ChangeKind.WRITETHRU, 41L, "world");
		assertThat(stored()).containsExactly("/articles/42/harbour-tolls", "/sections/business");
	}

	private void record(ChangeKind kind, Long articleId, String section) {
		// The writer's call returns once this node has followed its change.
		this.transactions.executeWithoutResult((status) -> this.changes.record(kind, articleId, section));
	}

	private void store(String path, String tag) {
		this.cache.put(path, new CachedPage(200, new byte[] { 'x' }, null, "text/html", Locale.ENGLISH, List.of(), "v1",
				Instant.now(), Set.of(tag), null, new AtomicReference<>()), this.cache.ticket());
	}

	private List<String> stored() {
		return List
			.of("/articles/41/tide-tables", "/articles/42/harbour-tolls", "/sections/world", "/sections/business", "/")
			.stream()
			.filter((path) -> this.cache.get(path) != null)
			.toList();
	}

}
