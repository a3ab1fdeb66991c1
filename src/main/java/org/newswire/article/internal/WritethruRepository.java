package org.newswire.article.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.newswire.article.WritethruKind;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface WritethruRepository extends Repository<Writethru, Long> {

	Writethru save(Writethru writethru);

	/**
	 * The versions of a story readers may see: none while it waits for its embargo. The
	 * article comes in the same statement, so what readers may see of the versions
	 * follows its state as it was when they were read.
	 */
	@Query("""
			select w from Writethru w join fetch w.article a where a.id = :articleId and a.embargoed = false
			order by w.sequence""")
	List<Writethru> findAllOf(@Param("articleId") long articleId);

	@Query("""
			select w from Writethru w join fetch w.article a where a.id = :articleId and w.sequence = :sequence
			and a.embargoed = false""")
	Optional<Writethru> findVersion(@Param("articleId") long articleId, @Param("sequence") int sequence);

	/**
	 * One version whatever its story's state, for what a change record kept of it: with
	 * the section and source its summary shows, in the one statement a feed entry costs.
	 */
	@Query("""
			select w from Writethru w join fetch w.article a join fetch a.section join fetch a.source
			where a.id = :articleId and w.sequence = :sequence""")
	Optional<Writethru> findAnyVersion(@Param("articleId") long articleId, @Param("sequence") int sequence);

	/**
	 * The version a story shows now, whatever its state: for the article module's own
	 * work on it.
	 */
	@Query("select w from Writethru w where w.article.id = :articleId and w.sequence = w.article.currentSequence")
	Writethru findCurrentOf(@Param("articleId") long articleId);

	/**
	 * Gives every version of a story the time its embargo lifted: each was filed while it
	 * waited, and readers see them all appear at that moment. Versions are otherwise
	 * never changed ({@link Writethru} is immutable to Hibernate), hence plain SQL.
	 */
	@Modifying(flushAutomatically = true)
	@NativeQuery("update writethru set published_at = :at where article_id = :articleId")
	int publishAllAt(@Param("articleId") long articleId, @Param("at") Instant at);

	@Query("select w.kind from Writethru w where w.article.id = :articleId order by w.sequence")
	List<WritethruKind> findKinds(@Param("articleId") long articleId);

	/**
	 * Corrections of articles readers can still see, newest first. The order names the
	 * kind, fixed by the filter, so the embedded database sees that the (kind,
	 * published_at, id) index gives it: without, it sorted every correction of the
	 * archive for each page, a cost that grows with the archive and came back on every
	 * change (docs/benchmark.md).
	 */
	@Query("""
			select w from Writethru w join fetch w.article a join fetch a.section join fetch a.source
			where w.kind = org.newswire.article.WritethruKind.CORRECTS
			and a.pubstatus = org.newswire.article.PubStatus.USABLE and a.embargoed = false
			order by w.kind desc, w.publishedAt desc, w.id desc""")
	List<Writethru> findCorrections(Limit limit);

}
