package org.newswire.article.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface PendingEmbargoRepository extends Repository<PendingEmbargo, Long> {

	PendingEmbargo save(PendingEmbargo pending);

	Optional<PendingEmbargo> findById(Long articleId);

	void deleteById(Long articleId);

	@Query("select p.articleId from PendingEmbargo p where p.liftAt <= :now order by p.liftAt, p.articleId")
	List<Long> findDue(@Param("now") Instant now, Limit limit);

}
