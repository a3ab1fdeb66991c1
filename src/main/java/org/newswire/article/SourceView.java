package org.newswire.article;

/**
 * The agency a story comes from, with the end marker it puts after the last paragraph.
 */
public record SourceView(String code, String name, String endMarker) {

}
