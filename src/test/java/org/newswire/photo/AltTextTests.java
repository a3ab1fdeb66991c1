package org.newswire.photo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Alt text must say what the photo shows in its own words.
 */
class AltTextTests {

	private static final String CAPTION = "The ferry leaves Port Ellis pier, Nov. 26.";

	@Test
	void altTextThatDescribesThePhotoIsTakenStripped() {
		assertThat(AltText.check("  A ferry leaving the pier at dusk ", "IMG_2041.jpg", CAPTION))
			.isEqualTo("A ferry leaving the pier at dusk");
		assertThat(AltText.check("x".repeat(250), "a.jpg", null)).hasSize(250);
	}

	@Test
	void emptyTooLongFileNameOrCaptionAltTextIsRefused() {
		refused(null, "Alt text is required: describe what the photo shows for readers who cannot see it.");
		refused(" \t", "Alt text is required: describe what the photo shows for readers who cannot see it.");
		refused("x".repeat(251), "Alt text is at most 250 characters; this has 251.");
		refused("IMG_2041.jpg", "Alt text must describe the photo, not repeat its file name.");
		refused("img 2041", "Alt text must describe the photo, not repeat its file name.");
		refused("the ferry leaves Port Ellis pier (Nov 26)",
				"Alt text must describe what the photo shows, not repeat the caption, which readers get anyway.");
	}

	private static void refused(String alt, String message) {
		assertThatThrownBy(() -> AltText.check(alt, "IMG_2041.jpg", CAPTION)).as(String.valueOf(alt))
			.isInstanceOf(PhotoRefusedException.class)
			.hasMessage(message);
	}

}
