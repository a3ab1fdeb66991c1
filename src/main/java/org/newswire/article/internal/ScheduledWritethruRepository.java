package org.newswire.article.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface ScheduledWritethruRepository extends Repository<ScheduledWritethru, Long> {

	ScheduledWritethru save(ScheduledWritethru scheduled);

	Optional<ScheduledWritethru> findById(long id);

	/**
	 * Its article, read without loading it, so the article can be locked first.
	 */
	@Query("select s.articleId from ScheduledWritethru s where s.id = :id")
	Optional<Long> findArticleIdOf(@Param("id") long id);

	@Query("""
			select s.id from ScheduledWritethru s where s.state = org.newswire.article.EditorialListing$ScheduledVersion$State.SCHEDULED
			and s.releaseAt <= :now order by s.releaseAt, s.id""")
	List<Long> findDue(@Param("now") Instant now, Limit limit);

	/**
	 * A story's scheduled versions still waiting or in conflict, newest first.
	 */
	@Query("""
			select s from ScheduledWritethru s where s.articleId = :articleId
			and s.state in (org.newswire.article.EditorialListing$ScheduledVersion$State.SCHEDULED, org.newswire.article.EditorialListing$ScheduledVersion$State.CONFLICT)
			order by s.id desc""")
	List<ScheduledWritethru> findOpen(@Param("articleId") long articleId);

}
