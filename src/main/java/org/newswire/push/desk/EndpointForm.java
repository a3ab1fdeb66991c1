package org.newswire.push.desk;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.newswire.items.ItemFormat;
import org.newswire.push.Endpoint;
import org.newswire.wire.ChangeEntries;

/**
 * The desk's form for a webhook endpoint. A new one wants every change.
 */
public class EndpointForm {

	static final int URL_LENGTH = 2000;

	@NotBlank
	@Size(max = URL_LENGTH)
	private String url;

	@NotEmpty
	private List<String> changes = new ArrayList<>(ChangeEntries.NAMES);

	@NotNull
	private ItemFormat format = ItemFormat.NINJS_2;

	static EndpointForm of(Endpoint endpoint) {
		EndpointForm form = new EndpointForm();
		form.url = endpoint.url().toString();
		form.changes = new ArrayList<>(endpoint.changes());
		form.format = endpoint.format();
		return form;
	}

	public String getUrl() {
		return this.url;
	}

	public void setUrl(String url) {
		this.url = url;
	}

	public List<String> getChanges() {
		return this.changes;
	}

	public void setChanges(List<String> changes) {
		this.changes = changes;
	}

	public ItemFormat getFormat() {
		return this.format;
	}

	public void setFormat(ItemFormat format) {
		this.format = format;
	}

}
