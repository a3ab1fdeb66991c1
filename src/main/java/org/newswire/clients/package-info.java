/**
 * Wire clients: the client newsrooms and apps that take every story by machine, their
 * keys, the authentication and rate limits of the machine API ({@code /api/v1/}), and the
 * admins' desk pages for them. Other modules learn a request's client as a
 * {@link org.newswire.clients.WireClient}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Wire clients")
package org.newswire.clients;
