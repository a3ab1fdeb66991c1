package org.newswire.article.internal;

import java.util.List;
import java.util.Optional;

import org.newswire.article.WritethruKind;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

public interface WritethruRepository extends Repository<Writethru, Long> {

	Writethru save(Writethru writethru);

	@Query("select w from Writethru w where w.article.id = :articleId order by w.sequence")
	List<Writethru> findAllOf(@Param("articleId") long articleId);

	@Query("select w from Writethru w where w.article.id = :articleId and w.sequence = :sequence")
	Optional<Writethru> findVersion(@Param("articleId") long articleId, @Param("sequence") int sequence);

	@Query("select w.kind from Writethru w where w.article.id = :articleId order by w.sequence")
	List<WritethruKind> findKinds(@Param("articleId") long articleId);

	/**
	 * Corrections of articles readers can still see, newest first.
	 */
	@Query("""
			select w from Writethru w join fetch w.article a join fetch a.section join fetch a.source
			where w.kind = org.newswire.article.WritethruKind.CORRECTS
			and a.pubstatus = org.newswire.article.PubStatus.USABLE
			order by w.publishedAt desc, w.id desc""")
	List<Writethru> findCorrections(Limit limit);

}
