package org.newswire.search;

import java.util.List;

/**
 * One page of results.
 *
 * @param total how many stories match in all
 * @param page the page shown, from 1
 * @param pages how many pages the results fill
 */
record SearchResults(int total, int page, int pages, List<SearchHit> hits) {

	/**
	 * The rank of the first story on this page.
	 */
	public int first() {
		return (this.page - 1) * ArticleIndex.PAGE_SIZE + 1;
	}

	public boolean hasNext() {
		return this.page < this.pages;
	}

	public boolean hasPrevious() {
		return this.page > 1;
	}

}
