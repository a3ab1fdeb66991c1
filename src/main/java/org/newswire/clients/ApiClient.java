package org.newswire.clients;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/**
 * A client newsroom or app. Clients are never deleted: revoking their keys cuts them off,
 * and the audit log keeps naming them.
 */
@Entity
@Table(name = "api_client")
public class ApiClient {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	private String contact;

	@Column(name = "embargo_ahead")
	private boolean embargoAhead;

	@Column(name = "requests_per_minute")
	private int requestsPerMinute;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "api_client_section", joinColumns = @JoinColumn(name = "client_id"))
	@Column(name = "section_code")
	private Set<String> sections = new TreeSet<>();

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "created_by")
	private String createdBy;

	protected ApiClient() {
	}

	ApiClient(ClientAccounts.NewClient details, Instant createdAt, String createdBy) {
		this.createdAt = createdAt;
		this.createdBy = createdBy;
		change(details);
	}

	void change(ClientAccounts.NewClient details) {
		this.name = details.name();
		this.contact = details.contact();
		this.embargoAhead = details.embargoAhead();
		this.requestsPerMinute = details.requestsPerMinute();
		this.sections.clear();
		this.sections.addAll(details.sections());
	}

	public ClientAccounts.NewClient details() {
		return new ClientAccounts.NewClient(this.name, this.contact, new TreeSet<>(this.sections), this.embargoAhead,
				this.requestsPerMinute);
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public String getContact() {
		return this.contact;
	}

	public boolean isEmbargoAhead() {
		return this.embargoAhead;
	}

	public int getRequestsPerMinute() {
		return this.requestsPerMinute;
	}

	public Set<String> getSections() {
		return new TreeSet<>(this.sections);
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public String getCreatedBy() {
		return this.createdBy;
	}

}
