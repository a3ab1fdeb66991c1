package org.newswire.article.web;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.newswire.article.web.DiffSegment.Kind;

import static org.assertj.core.api.Assertions.assertThat;

class WordDiffTests {

	@Test
	void unchangedTextIsOneUnchangedSegment() {
		assertThat(WordDiff.text("Harbour bridge reopens", "Harbour bridge reopens"))
			.containsExactly(new DiffSegment(Kind.UNCHANGED, "Harbour bridge reopens"));
	}

	@Test
	void insertedWordsAreMarkedAndSpacingSurvives() {
		List<DiffSegment> diff = WordDiff.text("Bridge reopens", "Bridge reopens after repairs");

		assertThat(diff).containsExactly(new DiffSegment(Kind.UNCHANGED, "Bridge reopens"),
				new DiffSegment(Kind.INSERTED, " after repairs"));
	}

	@Test
	void deletedWordsAreMarked() {
		List<DiffSegment> diff = WordDiff.text("The old harbour bridge reopens", "The harbour bridge reopens");

		assertThat(diff).containsExactly(new DiffSegment(Kind.UNCHANGED, "The"), new DiffSegment(Kind.DELETED, " old"),
				new DiffSegment(Kind.UNCHANGED, " harbour bridge reopens"));
	}

	@Test
	void aReplacedWordIsADeletionThenAnInsertion() {
		List<DiffSegment> diff = WordDiff.text("Ferry fares rise", "Ferry fares fall");

		assertThat(diff).containsExactly(new DiffSegment(Kind.UNCHANGED, "Ferry fares "),
				new DiffSegment(Kind.DELETED, "rise"), new DiffSegment(Kind.INSERTED, "fall"));
	}

	@Test
	void aRewrittenPhraseReadsAsOneDeletionAndOneInsertion() {
		List<DiffSegment> diff = WordDiff.text("Council votes on the plan today", "Council backs new plan today");

		assertThat(diff).containsExactly(new DiffSegment(Kind.UNCHANGED, "Council "),
				new DiffSegment(Kind.DELETED, "votes on the"), new DiffSegment(Kind.INSERTED, "backs new"),
				new DiffSegment(Kind.UNCHANGED, " plan today"));
	}

	@Test
	void punctuationChangesShowOnTheirOwn() {
		List<DiffSegment> diff = WordDiff.text("Rain falls, roads close.", "Rain falls; roads close!");

		assertThat(diff).containsExactly(new DiffSegment(Kind.UNCHANGED, "Rain falls"),
				new DiffSegment(Kind.DELETED, ","), new DiffSegment(Kind.INSERTED, ";"),
				new DiffSegment(Kind.UNCHANGED, " roads close"), new DiffSegment(Kind.DELETED, "."),
				new DiffSegment(Kind.INSERTED, "!"));
	}

	@Test
	void wordsWithApostrophesAndAccentsStayWhole() {
		assertThat(WordDiff.tokens(" Ministry's café, don\u2019t ")).containsExactly(
				new WordDiff.Token(" ", "Ministry's"), new WordDiff.Token(" ", "café"), new WordDiff.Token("", ","),
				new WordDiff.Token(" ", "don\u2019t"), new WordDiff.Token(" ", ""));
	}

	@Test
	void emptyInputs() {
		assertThat(WordDiff.text("", "")).isEmpty();
		assertThat(WordDiff.text(null, "")).isEmpty();
		assertThat(WordDiff.text("", "New text")).containsExactly(new DiffSegment(Kind.INSERTED, "New text"));
		assertThat(WordDiff.text("Old text", "")).containsExactly(new DiffSegment(Kind.DELETED, "Old text"));
		assertThat(WordDiff.paragraphs(List.of(), List.of())).isEmpty();
	}

	@Test
	void sentencesAreMatchedByTheirWordsNotByTheirSpaces() {
		List<DiffSegment> diff = WordDiff.text("Observatory spots bright comet",
				"Bright comet to light up skies next week");

		assertThat(diff).containsExactly(new DiffSegment(Kind.DELETED, "Observatory spots bright"),
				new DiffSegment(Kind.INSERTED, "Bright"), new DiffSegment(Kind.UNCHANGED, " comet"),
				new DiffSegment(Kind.INSERTED, " to light up skies next week"));
	}

	@Test
	void bothVersionsCanBeReadBackFromTheSegments() {
		String from = "Floods close three roads, officials said on Tuesday; more rain is due.";
		String to = "Floods closed five roads and a rail line, officials said on Wednesday. More rain is due!";
		List<DiffSegment> diff = WordDiff.text(from, to);

		assertThat(join(diff, Kind.INSERTED)).isEqualTo(from);
		assertThat(join(diff, Kind.DELETED)).isEqualTo(to);
	}

	@Test
	void bodiesAreComparedParagraphByParagraph() {
		List<List<DiffSegment>> diff = WordDiff.paragraphs(
				List.of("The bridge reopened.", "Traffic was light.", "Repairs took a year."),
				List.of("The bridge reopened on Thursday.", "Repairs took a year.", "Tolls are unchanged."));

		assertThat(diff).containsExactly(
				List.of(new DiffSegment(Kind.UNCHANGED, "The bridge reopened"),
						new DiffSegment(Kind.INSERTED, " on Thursday"), new DiffSegment(Kind.UNCHANGED, ".")),
				List.of(new DiffSegment(Kind.DELETED, "Traffic was light.")),
				List.of(new DiffSegment(Kind.UNCHANGED, "Repairs took a year.")),
				List.of(new DiffSegment(Kind.INSERTED, "Tolls are unchanged.")));
	}

	private static String join(List<DiffSegment> segments, Kind skipped) {
		return segments.stream()
			.filter((segment) -> segment.kind() != skipped)
			.map(DiffSegment::text)
			.collect(Collectors.joining());
	}

}
