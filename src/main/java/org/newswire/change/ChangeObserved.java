package org.newswire.change;

import java.time.Instant;

/**
 * A recorded change this node has just read from the change record, published once per
 * node for every record in id order, whichever node made the change.
 *
 * @param id the record's place in the order of changes, rising across every node
 * @param articleId the article changed, or {@code null} for a ticker change not tied to
 * one
 * @param sectionCode the article's section, or {@code null}
 */
public record ChangeObserved(long id, ChangeKind kind, Long articleId, String sectionCode, Instant recordedAt) {

}
