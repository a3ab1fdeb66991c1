package org.newswire.article;

import java.time.Instant;

/**
 * An editor set another time for a story's embargo to lift.
 */
public record EmbargoMoved(long articleId, Instant from, Instant to, String editor) {
}
