package org.newswire.feed;

import java.util.List;

import org.newswire.article.NewArticle;
import org.newswire.article.WritethruDraft;
import org.newswire.article.WritethruKind;

/**
 * Invented stories for the feed tests.
 */
final class Stories {

	static final String DATELINE = "PORT ELLIS, Nov. 26 (Newswire) --";

	private Stories() {
	}

	static NewArticle story(String section, String headline) {
		return new NewArticle(section, "Harbour-Test", "NWS", DATELINE, "By Ada Quill", "en", 3, headline,
				List.of("The harbour master said the pier would reopen <soon> & safely.",
						"Ferries will use the north berth meanwhile."),
				null);
	}

	static WritethruDraft newLead(String headline) {
		return new WritethruDraft(WritethruKind.LD_WRITETHRU, headline,
				List.of("The pier reopened after inspectors approved the repairs.",
						"Ferries returned to the south berth."),
				"Eds: UPDATES with pier reopening", null, "By Ada Quill", 3);
	}

	static WritethruDraft correction(String headline) {
		return new WritethruDraft(WritethruKind.CORRECTS, headline,
				List.of("The pier reopened after inspectors approved the repairs.",
						"Ferries returned to the south berth."),
				"Eds: CORRECTS berth in paragraph 2", "An earlier version named the wrong berth.", "By Ada Quill", 3);
	}

}
