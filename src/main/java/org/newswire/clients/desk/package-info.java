/**
 * The admins' desk pages for wire clients and their keys ({@code /desk/clients}), apart
 * from the machine API so that the desk's shared advice reaches these pages only.
 */
package org.newswire.clients.desk;
