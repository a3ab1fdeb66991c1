package org.newswire.article.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.newswire.article.SectionView;

/**
 * A section of the portal such as World or Business; its code is the URL segment.
 */
@Entity
class Section {

	@Id
	private String code;

	private String name;

	@Column(name = "display_order")
	private int displayOrder;

	protected Section() {
	}

	public SectionView view() {
		return new SectionView(this.code, this.name);
	}

}
