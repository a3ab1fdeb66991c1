package org.newswire.search;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Turns the highlighter's passages into plain and matching runs of text rather than
 * markup, so the template escapes every character itself and no stored text can ever be
 * taken for HTML.
 */
class HighlightFormatter extends PassageFormatter {

	static final String ELLIPSIS = "\u2026";

	@Override
	public Object format(Passage[] passages, String content) {
		List<Highlight> runs = new ArrayList<>();
		int shownUpTo = 0;
		for (Passage passage : passages) {
			if (passage.getStartOffset() > shownUpTo) {
				add(runs, ELLIPSIS + " ", false);
			}
			int at = passage.getStartOffset();
			for (int i = 0; i < passage.getNumMatches(); i++) {
				int start = Math.max(passage.getMatchStarts()[i], at);
				int end = Math.min(passage.getMatchEnds()[i], passage.getEndOffset());
				if (start >= end) {
					continue;
				}
				add(runs, content.substring(at, start), false);
				add(runs, content.substring(start, end), true);
				at = end;
			}
			add(runs, content.substring(at, passage.getEndOffset()), false);
			shownUpTo = passage.getEndOffset();
		}
		if (!runs.isEmpty() && shownUpTo < content.stripTrailing().length()) {
			add(runs, " " + ELLIPSIS, false);
		}
		return runs;
	}

	private static void add(List<Highlight> runs, String text, boolean match) {
		if (text.isEmpty()) {
			return;
		}
		int last = runs.size() - 1;
		if (last >= 0 && runs.get(last).match() == match) {
			runs.set(last, new Highlight(runs.get(last).text() + text, match));
		}
		else {
			runs.add(new Highlight(text, match));
		}
	}

}
