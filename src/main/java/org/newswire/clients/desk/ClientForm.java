package org.newswire.clients.desk;

import java.util.ArrayList;
import java.util.List;

import org.newswire.clients.ApiClient;

/**
 * The desk's form for a client, as typed: the rate limit stays text until it is checked,
 * so what was typed comes back with the message when it is not a number.
 */
class ClientForm {

	private String name;

	private String contact;

	private List<String> sections = new ArrayList<>();

	private boolean embargoAhead;

	private String requestsPerMinute;

	static ClientForm of(ApiClient client) {
		ClientForm form = new ClientForm();
		form.name = client.getName();
		form.contact = client.getContact();
		form.sections = new ArrayList<>(client.getSections());
		form.embargoAhead = client.isEmbargoAhead();
		form.requestsPerMinute = Integer.toString(client.getRequestsPerMinute());
		return form;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getContact() {
		return this.contact;
	}

	public void setContact(String contact) {
		this.contact = contact;
	}

	public List<String> getSections() {
		return this.sections;
	}

	public void setSections(List<String> sections) {
		this.sections = (sections != null) ? sections : new ArrayList<>();
	}

	public boolean isEmbargoAhead() {
		return this.embargoAhead;
	}

	public void setEmbargoAhead(boolean embargoAhead) {
		this.embargoAhead = embargoAhead;
	}

	public String getRequestsPerMinute() {
		return this.requestsPerMinute;
	}

	public void setRequestsPerMinute(String requestsPerMinute) {
		this.requestsPerMinute = requestsPerMinute;
	}

}
