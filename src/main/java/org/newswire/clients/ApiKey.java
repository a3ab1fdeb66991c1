package org.newswire.clients;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A key of a client: its short id and the SHA-256 of the whole key, never the key. Its
 * last use and token bucket are written by {@link KeyGate} on every request, not through
 * this entity, so the desk saving a revocation cannot overwrite them.
 */
@Entity
@Table(name = "api_key")
public class ApiKey {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "client_id")
	private long clientId;

	@Column(name = "key_id")
	private String keyId;

	@Column(name = "secret_hash")
	private String secretHash;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "created_by")
	private String createdBy;

	@Column(name = "expires_at")
	private Instant expiresAt;

	@Column(name = "revoked_at")
	private Instant revokedAt;

	@Column(name = "revoked_by")
	private String revokedBy;

	@Column(name = "last_used_at", insertable = false, updatable = false)
	private Instant lastUsedAt;

	protected ApiKey() {
	}

	ApiKey(long clientId, String keyId, String secretHash, Instant createdAt, String createdBy, Instant expiresAt) {
		this.clientId = clientId;
		this.keyId = keyId;
		this.secretHash = secretHash;
		this.createdAt = createdAt;
		this.createdBy = createdBy;
		this.expiresAt = expiresAt;
	}

	void revoke(Instant at, String by) {
		this.revokedAt = at;
		this.revokedBy = by;
	}

	public boolean isLive(Instant now) {
		return this.revokedAt == null && (this.expiresAt == null || now.isBefore(this.expiresAt));
	}

	public long getClientId() {
		return this.clientId;
	}

	public String getKeyId() {
		return this.keyId;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public String getCreatedBy() {
		return this.createdBy;
	}

	public Instant getExpiresAt() {
		return this.expiresAt;
	}

	public Instant getRevokedAt() {
		return this.revokedAt;
	}

	public String getRevokedBy() {
		return this.revokedBy;
	}

	public Instant getLastUsedAt() {
		return this.lastUsedAt;
	}

}
