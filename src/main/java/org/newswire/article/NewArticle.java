package org.newswire.article;

import java.util.List;

/**
 * What an editor files to publish a new story; becomes the article and its writethru 1.
 */
public record NewArticle(String sectionCode, String slugline, String sourceCode, String dateline, String byline,
		String language, Urgency urgency, String headline, List<String> paragraphs, String ednote) {
}
