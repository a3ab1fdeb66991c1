/**
 * Photos: the pictures editors upload, checked and decoded once, their renditions in WebP
 * and JPEG stored in the database beside the original, their centre crops for search
 * engines rendered when first asked for and stored there too, all served
 * content-addressed from {@code /media}, and the lead photo of each story version as
 * readers may see it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Photos")
package org.newswire.photo;
