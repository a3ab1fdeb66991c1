package org.newswire.clients;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface ApiClientRepository extends Repository<ApiClient, Long> {

	ApiClient save(ApiClient client);

	Optional<ApiClient> findById(long id);

	Optional<ApiClient> findByName(String name);

	List<ApiClient> findAllByOrderByName();

}
