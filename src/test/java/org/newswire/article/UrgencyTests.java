package org.newswire.article;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UrgencyTests {

	@Test
	void levelsRunFromHighestToLowestInOrder() {
		assertThat(Urgency.values()).extracting(Urgency::level)
			.containsExactly(1, 2, 3, 4, 5, 6, 7, 8)
			.startsWith(Urgency.HIGHEST)
			.endsWith(Urgency.LOWEST);
		assertThat(Urgency.of(Urgency.HIGHEST)).isEqualTo(Urgency.FLASH);
		assertThat(Urgency.of(Urgency.LOWEST)).isEqualTo(Urgency.WEEKEND_ADVANCE);
		assertThatIllegalArgumentException().isThrownBy(() -> Urgency.of(Urgency.HIGHEST - 1));
		assertThatIllegalArgumentException().isThrownBy(() -> Urgency.of(Urgency.LOWEST + 1));
	}

	@Test
	void namesAreWrittenOnceAndOnlyFlashAndBulletinAreMarked() {
		assertThat(Urgency.values()).extracting(Urgency::displayName)
			.containsExactly("Flash", "Bulletin", "Urgent", "Routine", "Daily", "Release at will", "Weekday advance",
					"Weekend advance");
		assertThat(Urgency.values()).filteredOn(Urgency::isMarked).containsExactly(Urgency.FLASH, Urgency.BULLETIN);
	}

}
