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
 * @param state the state the change left the article in, {@code null} for a ticker change
 * tied to no article, and for records from before it was kept
 */
public record ChangeObserved(long id, Set<ChangeKind> kinds, Long articleId, String sectionCode, Instant recordedAt,
		StoryState state) {

	/** A change that keeps no story state: a ticker change. */
	public ChangeObserved(long id, Set<ChangeKind> kinds, Long articleId, String sectionCode, Instant recordedAt) {
		this(id, kinds, articleId, sectionCode, recordedAt, null);
	}

	public ChangeObserved {
		if (kinds.isEmpty()) {
			throw new IllegalArgumentException("A change has at least one kind");
		}
		kinds = Collections.unmodifiableSet(EnumSet.copyOf(kinds));
	}

	public boolean has(ChangeKind kind) {
		return this.kinds.contains(kind);
	}

	/**
	 * Whether readers' view of the article changed (and not only the ticker): never while
	 * the story waits for its embargo.
	 */
	public boolean changesArticle() {
		return !embargoed() && this.kinds.stream().anyMatch(ChangeKind::isArticleChange);
	}

	/** Whether only clients entitled to embargoed stories may learn of this change. */
	public boolean embargoed() {
		return this.state != null && this.state.embargoed();
	}

}
