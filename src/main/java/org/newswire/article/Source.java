package org.newswire.article;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * The agency a story comes from, with the end marker it puts after the last paragraph.
 */
@Entity
public class Source {

	@Id
	private String code;

	private String name;

	@Column(name = "end_marker")
	private String endMarker;

	protected Source() {
	}

	public String getCode() {
		return this.code;
	}

	public String getName() {
		return this.name;
	}

	public String getEndMarker() {
		return this.endMarker;
	}

}
