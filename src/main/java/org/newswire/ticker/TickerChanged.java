package org.newswire.ticker;

/**
 * The set of headlines on the ticker changed: one was posted, replaced or withdrawn.
 *
 * @param posted the headline now on the ticker, or {@code null} when one was only
 * withdrawn
 * @param withdrawnIds the headlines that left the ticker
 */
public record TickerChanged(Headline posted, java.util.List<Long> withdrawnIds) {
}
