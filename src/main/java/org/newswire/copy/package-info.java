/**
 * Moving an embedded H2 database to PostgreSQL: {@code --newswire.copy-from=<jdbc url>}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Copy")
package org.newswire.copy;
