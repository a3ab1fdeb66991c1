package org.newswire;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.fail;

/**
 * What a test needs of the machine beyond the JDK: a database, a program. CI provides it
 * (see .ci/run), so there a test without it fails; on a developer machine it is reported
 * as skipped.
 */
public final class Prerequisite {

	private Prerequisite() {
	}

	/**
	 * @param present whether the machine has it
	 * @param inCi the failure in CI: what .ci/run must provide
	 * @param elsewhere the reason of the skip: how to run the test
	 */
	public static void require(boolean present, String inCi, String elsewhere) {
		if (present) {
			return;
		}
		if (System.getenv("CI") != null) {
			fail(inCi);
		}
		Assumptions.abort(elsewhere);
	}

}
