/**
 * The editors' desk behind a login: new stories, writethrus, ticker headlines, kills,
 * editor accounts and the audit log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Desk")
package org.newswire.desk;
