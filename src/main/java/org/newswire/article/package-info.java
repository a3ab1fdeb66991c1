/**
 * Articles and their writethrus: the publishing rules (sequence, labels, kills, holds,
 * embargoes), the reader article pages and the version history. The root package is the
 * module's whole API: {@link org.newswire.article.Publishing} for the desk's commands,
 * {@link org.newswire.article.Stories}, {@link org.newswire.article.Listings} and
 * {@link org.newswire.article.EditorialListing} for reads, and
 * {@link org.newswire.article.ArticleEvent} for everything that happens to a story.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Articles")
package org.newswire.article;
