package org.newswire.article;

/**
 * Where a scheduled writethru stands.
 */
public enum ScheduledState {

	/** Waiting on the desk for its release time. */
	SCHEDULED,

	/** Went out at its time as a writethru. */
	PUBLISHED,

	/** Withdrawn by an editor before its time, or discarded after a conflict. */
	CANCELLED,

	/**
	 * Not published at its time: another version superseded its base, or the story was
	 * killed. Its text is kept for the desk to file again.
	 */
	CONFLICT

}
