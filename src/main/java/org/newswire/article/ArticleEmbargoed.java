package org.newswire.article;

import java.time.Instant;

/**
 * A version was filed under embargo: only the desk sees it until {@code embargoUntil}.
 * Nothing public follows this event (no change record, no ticker); the desk audits it.
 *
 * @param sequence 1 for a new story, more for a writethru filed while it waits
 */
public record ArticleEmbargoed(long articleId, int sequence, String headline, Instant embargoUntil, String editor) {
}
