package org.newswire.audit;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * Append-only on purpose: there is no method to change or remove an entry.
 */
interface AuditRepository extends Repository<AuditEntry, Long> {

	AuditEntry save(AuditEntry entry);

	@Query("select e from AuditEntry e where e.id < :beforeId order by e.id desc")
	List<AuditEntry> findOlderThan(@Param("beforeId") long beforeId, Limit limit);

}
