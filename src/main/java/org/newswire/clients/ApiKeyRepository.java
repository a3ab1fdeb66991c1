package org.newswire.clients;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface ApiKeyRepository extends Repository<ApiKey, Long> {

	ApiKey save(ApiKey key);

	Optional<ApiKey> findByClientIdAndKeyId(long clientId, String keyId);

	List<ApiKey> findByClientIdOrderByCreatedAtDescIdDesc(long clientId);

}
