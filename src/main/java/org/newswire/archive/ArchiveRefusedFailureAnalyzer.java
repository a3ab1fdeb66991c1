package org.newswire.archive;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says why the archive was refused and what to do, instead of a stack trace.
 */
class ArchiveRefusedFailureAnalyzer extends AbstractFailureAnalyzer<ArchiveRefusedException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ArchiveRefusedException cause) {
		return new FailureAnalysis("No archive generated: " + cause.getMessage() + ".",
				"Start without --newswire.archive.generate, or point the embedded database at an empty location "
						+ "(e.g. --spring.datasource.url=jdbc:h2:file:./archive/newswire), without the postgres profile.",
				cause);
	}

}
