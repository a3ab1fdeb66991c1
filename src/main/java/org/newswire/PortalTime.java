package org.newswire;

/**
 * A moment as pages show it: machine-readable for {@code <time datetime>} and in words in
 * the portal's time zone.
 */
public record PortalTime(String datetime, String text) {

}
