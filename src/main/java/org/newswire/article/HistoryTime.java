package org.newswire.article;

/**
 * A moment as the history pages show it: machine-readable for {@code <time datetime>} and
 * in words in the newsroom's time zone.
 */
record HistoryTime(String datetime, String text) {

}
