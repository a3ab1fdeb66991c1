package org.newswire.change;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A recorded change this node has just read from the change record, published once per
 * node for every record in id order, whichever node made the change. One record holds
 * what one transaction did to one article: a writethru is {@code WRITETHRU} and
 * {@code TICKER} together.
 *
 * @param id the record's place in the order of changes, rising across every node
 * @param kinds what the transaction did, at least one kind
 * @param articleId the article changed, or {@code null} for a ticker change not tied to
 * one
 * @param sectionCode the article's section, or {@code null}
 */
public record ChangeObserved(long id, Set<ChangeKind> kinds, Long articleId, String sectionCode, Instant recordedAt) {

	public ChangeObserved {
		if (kinds.isEmpty()) {
			throw new IllegalArgumentException("A change has at least one kind");
		}
		kinds = Collections.unmodifiableSet(EnumSet.copyOf(kinds));
	}

	public boolean has(ChangeKind kind) {
		return this.kinds.contains(kind);
	}

	/** Whether readers' view of the article changed (and not only the ticker). */
	public boolean changesArticle() {
		return this.kinds.stream().anyMatch(ChangeKind::isArticleChange);
	}

}
