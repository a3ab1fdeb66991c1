package org.newswire.article.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.myers.MyersDiff;
import com.github.difflib.patch.AbstractDelta;
import org.newswire.article.web.DiffSegment.Kind;

/**
 * Word-by-word differences between two versions of a text, so readers see exactly what a
 * writethru changed. Texts are cut into words and single punctuation marks, so a changed
 * comma shows on its own. The whitespace before each token travels with it but takes no
 * part in matching: otherwise the diff would happily line up the spaces of two unrelated
 * sentences and cut every change into one-word pieces.
 */
final class WordDiff {

	/**
	 * Whitespace, then a word (letters, digits and marks, with inner apostrophes as in
	 * "don't") or any other single character; a last match may be whitespace alone.
	 */
	private static final Pattern TOKEN = Pattern
		.compile("(\\s*)([\\p{L}\\p{N}\\p{M}]+(?:['\u2019][\\p{L}\\p{N}\\p{M}]+)*|\\S|$)");

	/**
	 * Share of words two paragraphs must have in common to count as one paragraph revised
	 * rather than one removed and another added.
	 */
	private static final double SAME_PARAGRAPH = 0.5;

	private WordDiff() {
	}

	/**
	 * The differences between two single texts such as headlines or paragraphs.
	 */
	static List<DiffSegment> text(String from, String to) {
		List<DiffSegment> segments = new ArrayList<>();
		List<AbstractDelta<Token>> deltas = DiffUtils
			.diff(tokens(from), tokens(to), new MyersDiff<>(Token::sameWord), null, true)
			.getDeltas();
		for (AbstractDelta<Token> delta : deltas) {
			switch (delta.getType()) {
				// Shared words are shown with the spacing of the newer version.
				case EQUAL -> append(segments, Kind.UNCHANGED, delta.getTarget().getLines());
				case DELETE -> append(segments, Kind.DELETED, delta.getSource().getLines());
				case INSERT -> append(segments, Kind.INSERTED, delta.getTarget().getLines());
				case CHANGE -> {
					append(segments, Kind.DELETED, delta.getSource().getLines());
					append(segments, Kind.INSERTED, delta.getTarget().getLines());
				}
			}
		}
		return readable(segments);
	}

	/**
	 * The differences between two bodies, paragraph by paragraph. Paragraphs are lined up
	 * first, so a paragraph added or removed shows as one of its own and the paragraphs
	 * around it are still compared with their own earlier versions.
	 */
	static List<List<DiffSegment>> paragraphs(List<String> from, List<String> to) {
		List<List<DiffSegment>> result = new ArrayList<>();
		List<AbstractDelta<String>> deltas = DiffUtils
			.diff(from, to, new MyersDiff<>(WordDiff::sameParagraph), null, true)
			.getDeltas();
		for (AbstractDelta<String> delta : deltas) {
			List<String> before = delta.getSource().getLines();
			List<String> after = delta.getTarget().getLines();
			if (before.size() == after.size()) {
				for (int i = 0; i < before.size(); i++) {
					result.add(text(before.get(i), after.get(i)));
				}
			}
			else {
				before.forEach((paragraph) -> result.add(List.of(new DiffSegment(Kind.DELETED, paragraph))));
				after.forEach((paragraph) -> result.add(List.of(new DiffSegment(Kind.INSERTED, paragraph))));
			}
		}
		result.removeIf(List::isEmpty);
		return result;
	}

	static List<Token> tokens(String text) {
		List<Token> tokens = new ArrayList<>();
		if (text != null) {
			Matcher matcher = TOKEN.matcher(text);
			while (matcher.find()) {
				if (!matcher.group().isEmpty()) {
					tokens.add(new Token(matcher.group(1), matcher.group(2)));
				}
			}
		}
		return tokens;
	}

	private static boolean sameParagraph(String from, String to) {
		if (from.equals(to)) {
			return true;
		}
		Set<String> before = words(from);
		Set<String> after = words(to);
		if (before.isEmpty() || after.isEmpty()) {
			return false;
		}
		long common = before.stream().filter(after::contains).count();
		return 2.0 * common / (before.size() + after.size()) >= SAME_PARAGRAPH;
	}

	private static Set<String> words(String text) {
		Set<String> words = new HashSet<>();
		for (Token token : tokens(text)) {
			if (!token.word().isEmpty() && Character.isLetterOrDigit(token.word().codePointAt(0))) {
				words.add(token.word().toLowerCase(Locale.ROOT));
			}
		}
		return words;
	}

	private static void append(List<DiffSegment> segments, Kind kind, List<Token> tokens) {
		tokens.forEach((token) -> append(segments, kind, token.space() + token.word()));
	}

	private static void append(List<DiffSegment> segments, Kind kind, String text) {
		if (text.isEmpty()) {
			return;
		}
		int last = segments.size() - 1;
		if (last >= 0 && segments.get(last).kind() == kind) {
			segments.set(last, new DiffSegment(kind, segments.get(last).text() + text));
		}
		else {
			segments.add(new DiffSegment(kind, text));
		}
	}

	/**
	 * A replaced phrase reads best as one deletion followed by one insertion, with the
	 * space both share at either end left outside them.
	 */
	private static List<DiffSegment> readable(List<DiffSegment> segments) {
		List<DiffSegment> result = new ArrayList<>();
		int start = 0;
		while (start < segments.size()) {
			int end = start;
			while (end < segments.size() && segments.get(end).isChange()) {
				end++;
			}
			if (end == start) {
				append(result, Kind.UNCHANGED, segments.get(start).text());
				start++;
			}
			else {
				replace(result, segments.subList(start, end));
				start = end;
			}
		}
		return result;
	}

	private static void replace(List<DiffSegment> result, List<DiffSegment> run) {
		StringBuilder deleted = new StringBuilder();
		StringBuilder inserted = new StringBuilder();
		for (DiffSegment segment : run) {
			(segment.isDeleted() ? deleted : inserted).append(segment.text());
		}
		int lead = 0;
		while (lead < deleted.length() && lead < inserted.length() && deleted.charAt(lead) == inserted.charAt(lead)
				&& Character.isWhitespace(deleted.charAt(lead))) {
			lead++;
		}
		int trail = 0;
		while (trail < deleted.length() - lead && trail < inserted.length() - lead
				&& deleted.charAt(deleted.length() - 1 - trail) == inserted.charAt(inserted.length() - 1 - trail)
				&& Character.isWhitespace(deleted.charAt(deleted.length() - 1 - trail))) {
			trail++;
		}
		append(result, Kind.UNCHANGED, deleted.substring(0, lead));
		append(result, Kind.DELETED, deleted.substring(lead, deleted.length() - trail));
		append(result, Kind.INSERTED, inserted.substring(lead, inserted.length() - trail));
		append(result, Kind.UNCHANGED, deleted.substring(deleted.length() - trail));
	}

	/**
	 * A word or punctuation mark with the whitespace before it; the last token of a text
	 * may be whitespace alone.
	 */
	record Token(String space, String word) {

		boolean sameWord(Token other) {
			return this.word.equals(other.word);
		}

	}

}
