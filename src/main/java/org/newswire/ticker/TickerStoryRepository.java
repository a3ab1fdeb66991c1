package org.newswire.ticker;

import java.util.Optional;

import org.springframework.data.repository.Repository;

interface TickerStoryRepository extends Repository<TickerStory, Long> {

	TickerStory save(TickerStory story);

	Optional<TickerStory> findById(long articleId);

	void deleteById(long articleId);

}
