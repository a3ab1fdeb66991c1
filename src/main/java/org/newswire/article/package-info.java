/**
 * Articles and their writethrus: the publishing rules (sequence, labels, kills), the
 * reader article pages and the version history. Other modules read articles through
 * {@link org.newswire.article.ArticleService} and follow changes through
 * {@link org.newswire.article.ArticlePublished} and
 * {@link org.newswire.article.ArticleKilled}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Articles")
package org.newswire.article;
