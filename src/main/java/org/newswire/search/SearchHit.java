package org.newswire.search;

import java.util.List;

/**
 * One story found, as the results page shows it.
 *
 * @param label the writethru label shown before the headline, {@code null} on a first
 * publication
 */
record SearchHit(String path, String label, List<Highlight> headline, List<Highlight> excerpt, String sectionName,
		String updatedDatetime, String updatedText) {

}
