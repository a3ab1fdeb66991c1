package org.newswire;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParagraphsTests {

	@Test
	void aParagraphThatFitsIsLeftWhole() {
		assertThat(Paragraphs.cutAtWord("The harbour reopened on Monday.", 31))
			.isEqualTo("The harbour reopened on Monday.");
	}

	@Test
	void aLongerParagraphIsCutAfterTheLastWholeWordThatFits() {
		assertThat(Paragraphs.cutAtWord("The harbour reopened on Monday.", 20)).isEqualTo("The harbour\u2026");
	}

	@Test
	void oneWordLongerThanTheSummaryIsCutWhereItMustBe() {
		assertThat(Paragraphs.cutAtWord("Supercalifragilistic", 10)).isEqualTo("Supercali\u2026").hasSize(10);
	}

}
