package org.newswire.article.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

public interface ArticleRepository extends Repository<Article, Long> {

	Article save(Article article);

	@Query("select a from Article a join fetch a.section join fetch a.source where a.id = :id")
	Optional<Article> findById(@Param("id") long id);

	/**
	 * Locks the article row so writethrus to one article are decided one at a time.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Article a where a.id = :id")
	Optional<Article> findForUpdate(@Param("id") long id);

	/**
	 * Articles with their current version, most recently updated first, below a keyset
	 * position. Readers' listings leave out killed articles; the desk's include them and
	 * may filter by a {@code like} pattern (escaped with {@code !}) on slugline or
	 * headline.
	 */
	@Query("""
			select a, w from Article a join fetch a.section join fetch a.source
			join Writethru w on w.article = a and w.sequence = a.currentSequence
			where (:includeKilled = true or a.pubstatus = org.newswire.article.PubStatus.USABLE)
			and (:section is null or a.section.code = :section)
			and (:pattern is null or lower(a.slugline) like :pattern escape '!' or lower(w.headline) like :pattern escape '!')
			and (a.updatedAt < :before or (a.updatedAt = :before and a.id < :beforeId))
			order by a.updatedAt desc, a.id desc""")
	List<Object[]> findLatest(@Param("includeKilled") boolean includeKilled, @Param("section") String section,
			@Param("pattern") String pattern, @Param("before") Instant before, @Param("beforeId") long beforeId,
			Limit limit);

	@Query("""
			select a, w from Article a join fetch a.section join fetch a.source
			join Writethru w on w.article = a and w.sequence = a.currentSequence
			where a.id in :ids""")
	List<Object[]> findCurrent(@Param("ids") List<Long> ids);

	@Query("""
			select a, w from Article a join fetch a.section join fetch a.source
			join Writethru w on w.article = a and w.sequence = a.currentSequence
			where a.updatedAt >= :since
			order by a.updatedAt desc, a.id desc""")
	List<Object[]> findUpdatedSince(@Param("since") Instant since, Limit limit);

	@Query("""
			select a, w from Article a join fetch a.section join fetch a.source
			join Writethru w on w.article = a and w.sequence = a.currentSequence
			where a.pubstatus = org.newswire.article.PubStatus.USABLE and a.firstPublishedAt >= :since
			order by a.firstPublishedAt desc, a.id desc""")
	List<Object[]> findFirstPublishedSince(@Param("since") Instant since, Limit limit);

	long count();

}
