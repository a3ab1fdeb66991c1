/**
 * The append-only audit log of what editors did, and its page for admins. It is written
 * from events alone (the articles', the accounts' and the desk's), each heard in the
 * transaction of the action it records; no module calls it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit log")
package org.newswire.audit;
