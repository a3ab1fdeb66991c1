package org.newswire.ticker;

/**
 * The set of headlines on the ticker changed: one was posted, replaced or withdrawn. Its
 * listeners rebuild the whole ticker (a page, a stream snapshot), so the fact is all it
 * carries.
 */
public record TickerChanged() {
}
