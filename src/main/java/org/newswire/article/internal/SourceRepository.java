package org.newswire.article.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface SourceRepository extends Repository<Source, String> {

	List<Source> findAllByOrderByName();

	Optional<Source> findByCode(String code);

}
