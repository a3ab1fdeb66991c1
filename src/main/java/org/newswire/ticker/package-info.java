/**
 * The "Off the wire" ticker: short headlines with urgency, at most one per article, kept
 * in step with the articles by listening to their events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ticker")
package org.newswire.ticker;
