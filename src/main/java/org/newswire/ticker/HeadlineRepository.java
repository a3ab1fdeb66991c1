package org.newswire.ticker;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface HeadlineRepository extends Repository<Headline, Long> {

	Headline save(Headline headline);

	Optional<Headline> findById(long id);

	@Query("select h from Headline h where h.withdrawn = false order by h.postedAt desc, h.id desc")
	List<Headline> findLatest(Limit limit);

	/**
	 * Standing story headlines of the given urgency or higher posted since the given
	 * time, newest first.
	 */
	@Query("select h from Headline h where h.withdrawn = false and h.articleId is not null"
			+ " and h.urgency <= :urgency and h.postedAt >= :since order by h.postedAt desc, h.id desc")
	List<Headline> findStoriesAtLeast(@Param("urgency") int urgency, @Param("since") Instant since, Limit limit);

	@Query("select h from Headline h where h.articleId = :articleId and h.withdrawn = false")
	List<Headline> findStandingFor(@Param("articleId") long articleId);

}
