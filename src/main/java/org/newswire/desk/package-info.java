/**
 * The editorial desk behind a login: new stories, writethrus (now or scheduled), kills,
 * holds, embargoes and ticker headlines, each previewed before it goes out. Its
 * {@code DeskAdvice} is the shell every desk page shares, the accounts' and the audit
 * log's pages included: who is signed in, form limits, one value per form field, and
 * error pages instead of stack traces. Publishes {@link org.newswire.desk.HeadlinePosted}
 * and {@link org.newswire.desk.HeadlineWithdrawn} for ticker headlines changed by hand;
 * uses {@link org.newswire.accounts} for who may do what.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Desk")
package org.newswire.desk;
