package org.newswire.article;

import org.newswire.PortalDates;
import org.newswire.PortalTime;

/**
 * One correction as the corrections page lists it.
 *
 * @param headline the labelled headline of the correcting version
 */
record CorrectionItem(String headline, String correctionNote, PortalTime publishedAt, String storyPath,
		String versionPath) {

	static CorrectionItem of(Writethru correction, PortalDates times) {
		Article article = correction.getArticle();
		return new CorrectionItem(correction.getLabelledHeadline(), correction.getCorrectionNote(),
				times.time(correction.getPublishedAt()), Paths.article(article),
				Paths.version(article, correction.getSequence()));
	}

}
