package org.newswire.article.web;

import org.newswire.PortalDates;
import org.newswire.PortalTime;
import org.newswire.article.Paths;
import org.newswire.article.Stories;
import org.newswire.article.VersionView;

/**
 * One correction as the corrections page lists it.
 *
 * @param headline the labelled headline of the correcting version
 */
record CorrectionItem(String headline, String correctionNote, PortalTime publishedAt, String storyPath,
		String versionPath) {

	static CorrectionItem of(Stories.Correction correction, PortalDates times) {
		VersionView version = correction.version();
		long id = version.articleId();
		return new CorrectionItem(version.labelledHeadline(), version.correctionNote(),
				times.time(version.publishedAt()), Paths.article(id, correction.slug()),
				Paths.version(id, correction.slug(), version.sequence()));
	}

}
