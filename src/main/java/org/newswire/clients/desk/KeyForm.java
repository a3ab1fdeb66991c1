package org.newswire.clients.desk;

/**
 * The desk's form to issue a key: an optional expiry, as typed in a
 * {@code datetime-local} field in the portal's time zone.
 */
class KeyForm {

	private String expiresAt;

	public String getExpiresAt() {
		return this.expiresAt;
	}

	public void setExpiresAt(String expiresAt) {
		this.expiresAt = expiresAt;
	}

}
