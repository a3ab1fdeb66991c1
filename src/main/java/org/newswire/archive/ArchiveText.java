package org.newswire.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Invented wire copy for generated archives: a small vocabulary and grammar of our own,
 * so the archive needs no outside text and reads like English to search and diffs. Not
 * thread-safe: one instance per generating thread.
 */
final class ArchiveText {

	private static final String[] PLACES = { "Port Aldren", "Cape Tarrow", "Lindmoor", "East Halvik", "Brennford",
			"Oska Bay", "Tellurin", "Marrowgate", "Sundvik", "Corran Falls", "New Essby", "Valdera", "Hollin Ridge",
			"Kestrel Point", "Amberlee", "Northwick" };

	private static final String[] GIVEN = { "Ada", "Bram", "Carla", "Dev", "Elin", "Farid", "Greta", "Hugo", "Ines",
			"Jonas", "Kira", "Luca", "Mara", "Niko", "Oona", "Pavel", "Rhea", "Sami", "Tove", "Vera" };

	private static final String[] FAMILY = { "Arden", "Beck", "Castell", "Doran", "Ekberg", "Falk", "Garrow", "Holm",
			"Ivers", "Juhl", "Kade", "Lorne", "Maddox", "Norrie", "Oakes", "Pell", "Quist", "Rowe", "Strand", "Tarn" };

	private static final String[] ACTORS = { "the city council", "the harbour authority", "the regional office",
			"the health ministry", "the dockers' union", "the central bank", "the league board", "the museum board",
			"the transport agency", "the residents' group", "the coast guard", "the research team", "the port company",
			"the weather service", "the school board", "the energy regulator" };

	private static final String[] VERBS = { "approved", "rejected", "delayed", "announced", "reviewed", "expanded",
			"questioned", "defended", "postponed", "confirmed", "unveiled", "suspended", "funded", "criticised" };

	private static final String[] HEADLINE_VERBS = { "approves", "rejects", "delays", "announces", "reviews", "expands",
			"questions", "defends", "postpones", "confirms", "unveils", "suspends", "funds", "weighs" };

	private static final String[] ADJECTIVES = { "new", "disputed", "long-awaited", "costly", "ambitious", "modest",
			"temporary", "regional", "second", "revised", "emergency", "record", "surprise", "quiet" };

	private static final String[][] TOPICS = {
			{ "ceasefire talks", "border crossing", "aid convoy", "election timetable", "trade mission",
					"refugee shelter" },
			{ "rate decision", "port expansion", "wage agreement", "factory closure", "bond sale", "merger plan" },
			{ "satellite launch", "data centre", "chip plant", "broadband rollout", "software audit",
					"battery factory" },
			{ "glacier survey", "vaccine trial", "deep-sea probe", "telescope upgrade", "soil study", "tidal model" },
			{ "cup final", "stadium lease", "transfer window", "relay record", "league schedule", "sailing regatta" },
			{ "film festival", "opera season", "library wing", "gallery reopening", "book prize", "folk concert" } };

	private static final String[] CONNECTORS = { "after", "despite", "amid", "ahead of", "following" };

	private static final String[] EVENTS = { "a long debate", "heavy storms", "weeks of protest", "a budget review",
			"fresh complaints", "a court ruling", "strong demand", "a public inquiry", "talks overnight" };

	private static final String[] REASONS = { "citing rising costs", "pointing to public safety", "after a tense vote",
			"under pressure from residents", "with support from both parties", "despite warnings from experts",
			"as talks dragged on", "to the surprise of observers" };

	private static final String[] TIMES = { "on Monday", "on Tuesday", "late on Wednesday", "on Thursday",
			"early on Friday", "over the weekend", "this week", "last month" };

	private static final String[] SAYS = { "said", "told reporters", "wrote in a statement", "said in an interview",
			"told the hearing" };

	private static final String[] QUOTES = { "we have waited long enough", "this is only the first step",
			"the numbers speak for themselves", "nobody should be surprised", "we will keep listening",
			"the work starts tomorrow", "it was the right call", "there is more to do" };

	private static final String[] FILLER = { "Officials expect a final decision within weeks.",
			"The plan has divided opinion for months.", "Further details were not immediately available.",
			"Critics say the timetable is too tight.", "Similar proposals failed twice before.",
			"Turnout at the meeting was unusually high.", "The figures will be published next quarter.",
			"Observers called the outcome a cautious compromise." };

	private final SplittableRandom random;

	ArchiveText(long seed) {
		this.random = new SplittableRandom(seed);
	}

	int nextInt(int bound) {
		return this.random.nextInt(bound);
	}

	double nextDouble() {
		return this.random.nextDouble();
	}

	int between(int min, int max) {
		return this.random.nextInt(min, max + 1);
	}

	String place() {
		return pick(PLACES);
	}

	String person() {
		return pick(GIVEN) + " " + pick(FAMILY);
	}

	String slugline(int section) {
		return pick(TOPICS[section % TOPICS.length]).toUpperCase(java.util.Locale.ROOT).replace(' ', '-') + "-"
				+ pick(PLACES).toUpperCase(java.util.Locale.ROOT).replace(' ', '-');
	}

	String headline(int section, String place) {
		return capitalise(
				place + " " + pick(ACTORS).replace("the ", "") + " " + pick(HEADLINE_VERBS) + " " + pick(ADJECTIVES)
						+ " " + pick(TOPICS[section % TOPICS.length]) + " " + pick(CONNECTORS) + " " + pick(EVENTS));
	}

	/**
	 * A body of exactly {@code words} words in paragraphs of two to four sentences.
	 */
	List<String> body(int section, String place, int words) {
		List<String> paragraphs = new ArrayList<>();
		int left = words;
		while (left > 0) {
			int size = Math.min(left, between(35, 70));
			// Never leave a stub paragraph behind.
			if (left - size < 20) {
				size = left;
			}
			paragraphs.add(paragraph(section, place, size));
			left -= size;
		}
		return paragraphs;
	}

	/**
	 * A paragraph of exactly {@code words} words.
	 */
	String paragraph(int section, String place, int words) {
		StringBuilder text = new StringBuilder(words * 8);
		int count = 0;
		while (count < words) {
			String sentence = sentence(section, place);
			int sentenceWords = countWords(sentence);
			if (count + sentenceWords > words) {
				sentence = trim(sentence, words - count);
				sentenceWords = words - count;
			}
			if (!text.isEmpty()) {
				text.append(' ');
			}
			text.append(sentence);
			count += sentenceWords;
		}
		return text.toString();
	}

	String correctionNote() {
		return "An earlier version of this story misstated the "
				+ pick(new String[] { "date", "name", "figure", "location", "title" }) + " of the "
				+ pick(TOPICS[nextInt(TOPICS.length)]) + ".";
	}

	private String sentence(int section, String place) {
		return switch (this.random.nextInt(4)) {
			case 0 -> capitalise(pick(ACTORS)) + " in " + place + " " + pick(VERBS) + " the " + pick(ADJECTIVES) + " "
					+ pick(TOPICS[section % TOPICS.length]) + " " + pick(TIMES) + ", " + pick(REASONS) + ".";
			case 1 -> "\"" + capitalise(pick(QUOTES)) + ",\" " + person() + " " + pick(SAYS) + ".";
			case 2 -> "The " + pick(TOPICS[section % TOPICS.length]) + " drew " + between(2, 900) + " "
					+ pick(new String[] { "objections", "visitors", "applications", "votes", "complaints" }) + " "
					+ pick(TIMES) + ", " + pick(REASONS) + ".";
			default -> pick(FILLER);
		};
	}

	private static String trim(String sentence, int words) {
		String[] parts = sentence.split(" ");
		String trimmed = String.join(" ", java.util.Arrays.copyOf(parts, words));
		return trimmed.replaceAll("[,;:\"]+$", "") + (trimmed.endsWith(".") ? "" : ".");
	}

	static int countWords(String text) {
		int count = 0;
		boolean inWord = false;
		for (int i = 0; i < text.length(); i++) {
			boolean space = Character.isWhitespace(text.charAt(i));
			if (!space && !inWord) {
				count++;
			}
			inWord = !space;
		}
		return count;
	}

	private String pick(String[] words) {
		return words[this.random.nextInt(words.length)];
	}

	private static String capitalise(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
