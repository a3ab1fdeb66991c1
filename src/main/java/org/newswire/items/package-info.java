/**
 * Stories as machines take them: IPTC ninjs 2.2 and 3.0 and NewsML-G2, for the public
 * ninjs API, the client feed and webhooks alike.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Items")
package org.newswire.items;
