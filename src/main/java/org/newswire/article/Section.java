package org.newswire.article;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * A section of the portal such as World or Business; its code is the URL segment.
 */
@Entity
public class Section {

	@Id
	private String code;

	private String name;

	@Column(name = "display_order")
	private int displayOrder;

	protected Section() {
	}

	public String getCode() {
		return this.code;
	}

	public String getName() {
		return this.name;
	}

	public int getDisplayOrder() {
		return this.displayOrder;
	}

}
