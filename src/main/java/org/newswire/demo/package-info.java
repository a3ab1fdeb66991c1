/**
 * Demo stories and ticker headlines, written by us, loaded into an empty embedded
 * database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo content")
package org.newswire.demo;
