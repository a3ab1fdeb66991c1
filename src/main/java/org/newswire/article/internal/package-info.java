/**
 * How the article module keeps its promises: entities, repositories and the services that
 * implement {@link org.newswire.article.Publishing},
 * {@link org.newswire.article.Stories}, {@link org.newswire.article.Listings} and
 * {@link org.newswire.article.EditorialListing}. Every type here is package-private; this
 * package depends on the module's root and never the other way round.
 */
package org.newswire.article.internal;
