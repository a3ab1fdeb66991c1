package org.newswire.desk;

/**
 * What an audit entry records; each has a message {@code desk.audit.action.NAME}.
 */
enum AuditAction {

	PUBLISHED, WRITETHRU, CORRECTED, KILLED, HEADLINE_POSTED, HEADLINE_WITHDRAWN, SIGNED_IN, SIGNED_OUT, EDITOR_CREATED,
	EDITOR_DISABLED, EDITOR_ENABLED, PASSWORD_RESET, HELD, RELEASED

}
