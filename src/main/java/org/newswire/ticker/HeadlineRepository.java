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
	 * When the newest standing headline was posted, held or not; none on an empty ticker.
	 */
	@Query("select max(h.postedAt) from Headline h where h.withdrawn = false")
	Optional<Instant> findNewestPostedAt();

	/**
	 * Standing headlines readers see, newest first: those of stories on hold are left
	 * out.
	 */
	@Query("select h as headline, s.path as path from Headline h left join TickerStory s on s.articleId = h.articleId"
			+ " where h.withdrawn = false and (s.held is null or s.held = false) order by h.postedAt desc, h.id desc")
	List<Shown> findShown(Limit limit);

	/**
	 * Story headlines readers see, of the given urgency or higher, posted since the given
	 * time, newest first.
	 */
	@Query("select h as headline, s.path as path from Headline h left join TickerStory s on s.articleId = h.articleId"
			+ " where h.withdrawn = false and h.articleId is not null and (s.held is null or s.held = false)"
			+ " and h.urgency <= :urgency and h.postedAt >= :since order by h.postedAt desc, h.id desc")
	List<Shown> findShownStoriesAtLeast(@Param("urgency") int urgency, @Param("since") Instant since, Limit limit);

	@Query("select h from Headline h where h.articleId = :articleId and h.withdrawn = false")
	List<Headline> findStandingFor(@Param("articleId") long articleId);

	/**
	 * A headline with its story's canonical page as the ticker last heard it, or
	 * {@code null} for a headline without story or a story it has heard no version of.
	 */
	interface Shown {

		Headline getHeadline();

		String getPath();

	}

}
