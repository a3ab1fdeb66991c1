/**
 * A generated archive, to measure the portal at the size of a real wire
 * ({@code --newswire.archive.generate=N}): invented stories written into an empty
 * embedded database before the portal serves. It writes the article module's tables
 * directly, for speed, from one list of tables and columns that a test checks against
 * that module's JPA mapping; the newest stories are announced as any publication is.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Archive")
package org.newswire.archive;
