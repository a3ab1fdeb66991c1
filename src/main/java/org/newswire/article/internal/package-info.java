/**
 * The article module's entities, repositories and converters. Only the module itself uses
 * them; other modules read the records and commands of {@code org.newswire.article}.
 */
package org.newswire.article.internal;
