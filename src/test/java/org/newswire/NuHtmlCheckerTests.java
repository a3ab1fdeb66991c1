package org.newswire;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The checker every page test relies on finds what it must, and passes what is valid. */
class NuHtmlCheckerTests {

	private static final String PAGE = """
			<!DOCTYPE html>
			<html lang="en"><head><meta charset="utf-8"><title>T</title></head>
			<body><main>%s</main></body></html>
			""";

	@Test
	void validPageHasNoErrors() {
		assertThat(NuHtmlChecker.errors(PAGE.formatted("<p id=\"a\">One</p>"))).isEmpty();
	}

	@Test
	void duplicateIdsAreErrors() {
		assertThat(NuHtmlChecker.errors(PAGE.formatted("<input id=\"headline\" name=\"headline\" aria-label=\"h\">"
				+ "<input type=\"datetime-local\" id=\"headline\" name=\"headline\" aria-label=\"h\">")))
			.singleElement()
			.asString()
			.contains("Duplicate ID");
	}

	@Test
	void misplacedElementsAreErrors() {
		assertThat(NuHtmlChecker.errors(PAGE.formatted("<ul><div>x</div></ul>"))).isNotEmpty();
	}

	/**
	 * One validator checks every page: nothing of one page (its ids, its unclosed
	 * elements) carries over into the next.
	 */
	@Test
	void eachPageIsCheckedOnItsOwn() {
		String withId = PAGE.formatted("<p id=\"lead\">One</p>");
		assertThat(NuHtmlChecker.errors(withId)).isEmpty();
		assertThat(NuHtmlChecker.errors(withId)).as("the same id on the next page").isEmpty();
		assertThat(NuHtmlChecker.errors(PAGE.formatted("<ul><div>x"))).isNotEmpty();
		assertThat(NuHtmlChecker.errors(withId)).as("after a page with errors").isEmpty();
	}

}
