package org.newswire.article;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.newswire.article.WritethruKind.ADDS;
import static org.newswire.article.WritethruKind.CORRECTS;
import static org.newswire.article.WritethruKind.LD_WRITETHRU;
import static org.newswire.article.WritethruKind.WRITETHRU;

class WritethruKindTests {

	@ParameterizedTest
	@CsvSource({ "1,1st", "2,2nd", "3,3rd", "4,4th", "10,10th", "11,11th", "12,12th", "13,13th", "14,14th", "21,21st",
			"22,22nd", "23,23rd", "24,24th", "101,101st", "102,102nd", "103,103rd", "111,111th", "112,112th",
			"113,113th", "1001,1001st" })
	void ordinals(long n, String expected) {
		assertThat(WritethruKind.ordinal(n)).isEqualTo(expected);
	}

	@Test
	void ordinalsStartAtOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> WritethruKind.ordinal(0));
	}

	@Test
	void firstPublicationHasNoLabel() {
		assertThat(LD_WRITETHRU.labelAfter(List.of())).isNull();
	}

	@Test
	void eachKindIsCountedOnItsOwn() {
		assertThat(labels(LD_WRITETHRU, LD_WRITETHRU, CORRECTS, LD_WRITETHRU, ADDS, ADDS, WRITETHRU, CORRECTS,
				LD_WRITETHRU))
			.containsExactly(null, "LD Writethru", "Correction", "2nd LD Writethru", "Adds", "2nd Adds", "Writethru",
					"2nd Correction", "3rd LD Writethru");
	}

	@Test
	void theFirstVersionIsNotCountedWhateverItsKind() {
		assertThat(labels(LD_WRITETHRU, LD_WRITETHRU)).containsExactly(null, "LD Writethru");
	}

	@Test
	void countsPastTheTeens() {
		List<WritethruKind> kinds = new ArrayList<>(List.of(LD_WRITETHRU));
		List<String> labels = new ArrayList<>();
		for (int i = 0; i < 23; i++) {
			labels.add(LD_WRITETHRU.labelAfter(kinds));
			kinds.add(LD_WRITETHRU);
		}
		assertThat(labels.subList(10, 13)).containsExactly("11th LD Writethru", "12th LD Writethru",
				"13th LD Writethru");
		assertThat(labels.subList(20, 23)).containsExactly("21st LD Writethru", "22nd LD Writethru",
				"23rd LD Writethru");
	}

	/**
	 * The labels a sequence of versions gets, the first being the original publication.
	 */
	private static List<String> labels(WritethruKind... versions) {
		List<WritethruKind> earlier = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		for (WritethruKind kind : versions) {
			labels.add(kind.labelAfter(earlier));
			earlier.add(kind);
		}
		return labels;
	}

}
