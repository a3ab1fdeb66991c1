/**
 * The ordered record of changes in the database, and each node's follower of it. Modules
 * that change what readers see append to it through {@link org.newswire.change.Changes}
 * in the same transaction as the change; every node then publishes one
 * {@link org.newswire.change.ChangeObserved} per record, whichever node made the change,
 * and its caches, search index and live streams follow that event. Depends on no other
 * module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Change record")
package org.newswire.change;
