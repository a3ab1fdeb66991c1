package org.newswire.accounts;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A desk account. Only the password hash is kept; accounts are disabled, never deleted,
 * so the audit log keeps naming real people.
 */
@Entity
class Editor {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	@Column(name = "password_hash")
	private String passwordHash;

	@Enumerated(EnumType.STRING)
	private EditorRole role;

	private boolean enabled;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "devices_revoked_at")
	private Instant devicesRevokedAt;

	protected Editor() {
	}

	Editor(String username, String passwordHash, EditorRole role, Instant createdAt) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.role = role;
		this.enabled = true;
		this.createdAt = createdAt;
	}

	void changePasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	void revokeDevices(Instant at) {
		this.devicesRevokedAt = at;
	}

	public Long getId() {
		return this.id;
	}

	public String getUsername() {
		return this.username;
	}

	public String getPasswordHash() {
		return this.passwordHash;
	}

	public EditorRole getRole() {
		return this.role;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	/**
	 * When an admin last revoked the device cookies of this account, {@code null} if
	 * never: cookies issued before count for nothing.
	 */
	public Instant getDevicesRevokedAt() {
		return this.devicesRevokedAt;
	}

}
