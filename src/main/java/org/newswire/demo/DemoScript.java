package org.newswire.demo;

import java.util.List;

import org.newswire.article.WritethruKind;

/**
 * The demo content as written in {@code demo/content.json}: stories with the writethrus
 * that followed them, and extra ticker headlines. Times are hours before the load, so the
 * content always looks like the last three days of a wire.
 */
record DemoScript(List<Story> stories, List<TickerLine> headlines) {

	DemoScript {
		stories = List.copyOf(stories);
		headlines = List.copyOf(headlines);
	}

	/**
	 * A story as first filed; {@code place} becomes the dateline with the filing date.
	 */
	record Story(String section, String slugline, String source, String place, String byline, int urgency,
			double hoursAgo, String headline, String ednote, List<String> paragraphs, List<Update> writethrus) {

		Story {
			writethrus = (writethrus != null) ? List.copyOf(writethrus) : List.of();
		}

	}

	/**
	 * A writethru; headline, byline and urgency left out stay as they were.
	 */
	record Update(WritethruKind kind, double hoursAgo, String headline, String ednote, String correctionNote,
			String byline, Integer urgency, List<String> paragraphs) {
	}

	/**
	 * A ticker headline of its own, linked to a story when it names its slugline.
	 */
	record TickerLine(String text, int urgency, double hoursAgo, String slugline) {
	}

}
