/**
 * The reader site around the articles: the layout every page fills, home and section
 * pages, reader preferences, error pages, caching and security headers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Site")
package org.newswire.site;
