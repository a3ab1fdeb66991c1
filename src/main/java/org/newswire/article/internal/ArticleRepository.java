package org.newswire.article.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.newswire.article.Listings.ArticleLink;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface ArticleRepository extends Repository<Article, Long> {

	Article save(Article article);

	@Query("select a from Article a join fetch a.section join fetch a.source where a.id = :id")
	Optional<Article> findById(@Param("id") long id);

	/**
	 * Locks the article row so writethrus to one article are decided one at a time.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Article a where a.id = :id")
	Optional<Article> findForUpdate(@Param("id") long id);

	/*
	 * How the listings stay fast at a million stories: the article table leads every
	 * query, so the database walks an (updated_at, id) index newest first and stops after
	 * the page; section and source, tiny tables, are joined outer so that H2's optimiser
	 * cannot start from them and sort the whole archive. "updatedAt <= :before" states
	 * the keyset bound as a range an index can seek to; the "or" after it only breaks
	 * ties. Each query is static, so its plan is translated once, not per request.
	 *
	 * "Visible" means not killed: a story on hold keeps its place in lists, feeds and
	 * sitemaps with its headline, and the surfaces show the hold notice instead of its
	 * text.
	 */

	/**
	 * Visible articles with their current version, most recently updated first, below a
	 * keyset position.
	 */
	@Query("""
			select a, w from Article a left join fetch a.section left join fetch a.source
			join Writethru w on w.article = a and w.sequence = a.currentSequence
			where a.pubstatus <> org.newswire.article.PubStatus.CANCELED and a.embargoed = false
			and a.updatedAt <= :before and (a.updatedAt < :before or a.id < :beforeId)
			order by a.updatedAt desc, a.id desc""")
	List<Object[]> findVisible(@Param("before") Instant before, @Param("beforeId") long beforeId, Limit limit);

	/**
	 * The same in one section, ordered like the (section, updated_at, id) index.
	 */
	@Query("""
			select a, w from Article a left join fetch a.section left join fetch a.source
			join Writethru w on w.article = a and w.sequence = a.currentSequence
			where a.pubstatus <> org.newswire.article.PubStatus.CANCELED and a.embargoed = false
			and a.sectionCode = :section
			and a.updatedAt <= :before and (a.updatedAt < :before or a.id < :beforeId)
			order by a.sectionCode desc, a.updatedAt desc, a.id desc""")
	List<Object[]> findVisibleIn(@Param("section") String section, @Param("before") Instant before,
			@Param("beforeId") long beforeId, Limit limit);

	/**
	 * The desk's listing: killed articles included, optionally one section and a
	 * {@code like} pattern (escaped with {@code !}) on slugline or headline.
	 */
	@Query("""
			select a, w from Article a left join fetch a.section left join fetch a.source
			join Writethru w on w.article = a and w.sequence = a.currentSequence
			where (:section is null or a.section.code = :section)
			and (:pattern is null or lower(a.slugline) like :pattern escape '!' or lower(w.headline) like :pattern escape '!')
			and a.updatedAt <= :before and (a.updatedAt < :before or a.id < :beforeId)
			order by a.updatedAt desc, a.id desc""")
	List<Object[]> findEditorial(@Param("section") String section, @Param("pattern") String pattern,
			@Param("before") Instant before, @Param("beforeId") long beforeId, Limit limit);

	@Query("""
			select a, w from Article a left join fetch a.section left join fetch a.source
			join Writethru w on w.article = a and w.sequence = a.currentSequence
			where a.id = :id""")
	List<Object[]> findWithCurrent(@Param("id") long id);

	/**
	 * The article page's one read: the article and its current version on every row, and
	 * one row for each correction readers are shown, oldest first, with the note and the
	 * time of the version that made it; a single row with {@code null}s when there is
	 * none. Only the current version's body is read.
	 */
	@Query("""
			select a, w, c.correctionNote, c.publishedAt from Article a left join fetch a.section left join fetch a.source
			join Writethru w on w.article = a and w.sequence = a.currentSequence
			left join Writethru c on c.article = a and c.kind = org.newswire.article.WritethruKind.CORRECTS
			and c.correctionNote is not null
			where a.id = :id
			order by c.sequence""")
	List<Object[]> findWithCorrections(@Param("id") long id);

	@Query("""
			select a, w from Article a left join fetch a.section left join fetch a.source
			join Writethru w on w.article = a and w.sequence = a.currentSequence
			where a.id in :ids""")
	List<Object[]> findCurrent(@Param("ids") List<Long> ids);

	@Query("""
			select a, w from Article a left join fetch a.section left join fetch a.source
			join Writethru w on w.article = a and w.sequence = a.currentSequence
			where a.updatedAt >= :since and a.embargoed = false
			order by a.updatedAt desc, a.id desc""")
	List<Object[]> findUpdatedSince(@Param("since") Instant since, Limit limit);

	@Query("""
			select a, w from Article a left join fetch a.section left join fetch a.source
			join Writethru w on w.article = a and w.sequence = a.currentSequence
			where a.pubstatus <> org.newswire.article.PubStatus.CANCELED and a.embargoed = false
			and a.firstPublishedAt >= :since
			order by a.firstPublishedAt desc, a.id desc""")
	List<Object[]> findFirstPublishedSince(@Param("since") Instant since, Limit limit);

	long count();

	@Query("select coalesce(max(a.id), 0) from Article a")
	long findMaxId();

	/**
	 * Visible articles with ids in {@code (after, last]}, walked along the primary key.
	 */
	@Query("""
			select new org.newswire.article.Listings$ArticleLink(a.id, a.slug, a.updatedAt) from Article a
			where a.pubstatus <> org.newswire.article.PubStatus.CANCELED and a.embargoed = false
			and a.id > :after and a.id <= :last
			order by a.id""")
	List<ArticleLink> findLinks(@Param("after") long after, @Param("last") long last);

	/**
	 * How many articles with ids in {@code (after, last]} are visible, and when any of
	 * them, killed ones included, last changed; stories waiting for their embargo count
	 * for neither, so a sitemap's time does not betray them.
	 */
	@Query("""
			select coalesce(sum(case when a.pubstatus <> org.newswire.article.PubStatus.CANCELED then 1 else 0 end), 0),
			max(a.updatedAt) from Article a where a.id > :after and a.id <= :last and a.embargoed = false""")
	List<Object[]> findBlockState(@Param("after") long after, @Param("last") long last);

}
