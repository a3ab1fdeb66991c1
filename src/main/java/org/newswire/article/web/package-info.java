/**
 * The article module's reader pages: the story page, its version history and comparisons,
 * and the corrections page. They read stories through the module's public
 * {@link org.newswire.article.Stories} like any other module, so nothing here reaches
 * into {@code internal}.
 */
package org.newswire.article.web;
