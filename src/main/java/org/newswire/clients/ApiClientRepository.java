package org.newswire.clients;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.repository.Repository;

interface ApiClientRepository extends Repository<ApiClient, Long> {

	ApiClient save(ApiClient client);

	Optional<ApiClient> findById(long id);

	Optional<ApiClient> findByName(String name);

	/**
	 * With their sections in the same query: the desk's list shows them for every client,
	 * and an eager collection left to itself costs one more query per client.
	 */
	@EntityGraph(attributePaths = "sections")
	List<ApiClient> findAllByOrderByName();

}
