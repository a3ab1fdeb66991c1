package org.newswire.archive;

/**
 * The archive generator will not write into this database; start-up fails with the reason
 * (see {@link ArchiveRefusedFailureAnalyzer}).
 */
class ArchiveRefusedException extends IllegalStateException {

	ArchiveRefusedException(String message) {
		super(message);
	}

}
