package org.newswire.article.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface SectionRepository extends Repository<Section, String> {

	List<Section> findAllByOrderByDisplayOrder();

	Optional<Section> findByCode(String code);

}
