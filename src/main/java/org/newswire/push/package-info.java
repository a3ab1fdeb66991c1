/**
 * Push to wire clients: signed webhooks (Standard Webhooks) sent from a durable outbox in
 * the database, with the address rules that keep them from being aimed at the portal's
 * own network.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Push")
package org.newswire.push;
