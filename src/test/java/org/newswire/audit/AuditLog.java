package org.newswire.audit;

import java.util.List;

import org.springframework.context.ApplicationContext;

/**
 * The audit log as the tests of other modules read it, newest first, through the audit's
 * own read: its types stay package-private. An action is named as the log stores it;
 * {@link Entry#is} refuses a name the log does not have, so a check that something was
 * not audited cannot pass by a typo.
 */
public final class AuditLog {

	private AuditLog() {
	}

	public static List<Entry> newest(ApplicationContext context, int limit) {
		return context.getBean(AuditTrail.class)
			.page(null, limit)
			.stream()
			.map((entry) -> new Entry(entry.getAction().name(), entry.getEditor(), entry.getArticleId(),
					entry.getHeadlineId(), entry.getDetails()))
			.toList();
	}

	/**
	 * One entry as stored.
	 */
	public record Entry(String action, String editor, Long articleId, Long headlineId, String details) {

		public boolean is(String action) {
			return AuditAction.valueOf(action).name().equals(this.action);
		}

	}

}
