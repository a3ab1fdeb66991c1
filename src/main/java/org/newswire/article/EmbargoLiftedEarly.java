package org.newswire.article;

import java.time.Instant;

/**
 * An editor released a story before its embargo time ("Release now"). The publication
 * itself follows as {@link ArticlePublished}, as for an embargo that lifts on time.
 *
 * @param embargoUntil the time the embargo was set for
 */
public record EmbargoLiftedEarly(long articleId, Instant embargoUntil, String editor) {
}
