package org.newswire.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk's view of all articles, killed ones included, filtered by section and by text
 * in the slugline or headline. Kept apart from {@link ArticleService}, whose listings are
 * what readers may see.
 */
@Service
@Transactional(readOnly = true)
public class EditorialListing {

	private static final char LIKE_ESCAPE = '!';

	private final EntityManager entityManager;

	EditorialListing(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/**
	 * Articles most recently updated first.
	 * @param sectionCode a section, or {@code null} for all
	 * @param text words to find in slugline or current headline, case-insensitive, or
	 * {@code null}
	 * @param before the position after the last article of the previous page, or
	 * {@code null} for the first page
	 */
	public List<ArticleSummary> page(String sectionCode, String text, Cursor before, int limit) {
		StringBuilder jpql = new StringBuilder("""
				select a, w from Article a join fetch a.section join fetch a.source
				join Writethru w on w.article = a and w.sequence = a.currentSequence where 1 = 1""");
		boolean hasText = text != null && !text.isBlank();
		if (sectionCode != null) {
			jpql.append(" and a.section.code = :section");
		}
		if (hasText) {
			jpql.append(" and (lower(a.slugline) like :pattern escape '" + LIKE_ESCAPE
					+ "' or lower(w.headline) like :pattern escape '" + LIKE_ESCAPE + "')");
		}
		if (before != null) {
			jpql.append(" and (a.updatedAt < :before or (a.updatedAt = :before and a.id < :beforeId))");
		}
		jpql.append(" order by a.updatedAt desc, a.id desc");
		TypedQuery<Object[]> query = this.entityManager.createQuery(jpql.toString(), Object[].class);
		if (sectionCode != null) {
			query.setParameter("section", sectionCode);
		}
		if (hasText) {
			query.setParameter("pattern", "%" + escapeLike(text.strip().toLowerCase(Locale.ROOT)) + "%");
		}
		if (before != null) {
			query.setParameter("before", before.updatedAt()).setParameter("beforeId", before.id());
		}
		List<ArticleSummary> result = new ArrayList<>(limit);
		for (Object[] row : query.setMaxResults(limit).getResultList()) {
			result.add(new ArticleSummary((Article) row[0], (Writethru) row[1]));
		}
		return result;
	}

	private static String escapeLike(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
				escaped.append(LIKE_ESCAPE);
			}
			escaped.append(c);
		}
		return escaped.toString();
	}

}
