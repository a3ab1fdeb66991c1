/**
 * The admins' desk pages for a client's webhook endpoints
 * ({@code /desk/clients/{id}/endpoints}), apart from the WebSub hub so that the desk's
 * shared advice reaches these pages only.
 */
package org.newswire.push.desk;
