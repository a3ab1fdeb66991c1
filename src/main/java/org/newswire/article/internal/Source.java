package org.newswire.article.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.newswire.article.SourceView;

/**
 * The agency a story comes from, with the end marker it puts after the last paragraph.
 */
@Entity
class Source {

	@Id
	private String code;

	private String name;

	@Column(name = "end_marker")
	private String endMarker;

	protected Source() {
	}

	public SourceView view() {
		return new SourceView(this.code, this.name, this.endMarker);
	}

}
