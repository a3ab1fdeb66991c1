/**
 * The client feed of the machine API: {@code GET /api/v1/feed}, every change to every
 * story a client may receive, in change order, resumable by an opaque cursor and long
 * polled; {@code GET /api/v1/items/{id}}; the retention of the change record that replay
 * relies on; the OpenAPI document of the machine API. Reads the change record and stories
 * through their modules' APIs and writes them through {@code items}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Client feed")
package org.newswire.wire;
