package org.newswire.accounts;

import java.security.SecureRandom;
import java.util.Base64;

import org.newswire.NewswireProperties;
import org.newswire.StartupStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can sign in to the desk without any default password: the first
 * admin comes from configuration, or, on the embedded demo database only, gets a random
 * one-time password printed once in the log. On PostgreSQL without configuration nobody
 * is created and the log says how to fix it. A start-up step: nodes starting together
 * create the admin once.
 */
@Component
@Order(1)
class AdminBootstrap implements StartupStep {

	static final String GENERATED_USERNAME = "admin";

	static final int MIN_PASSWORD_LENGTH = 12;

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final EditorAccounts accounts;

	private final String username;

	private final String password;

	private final boolean embedded;

	@Autowired
	AdminBootstrap(EditorAccounts accounts, NewswireProperties properties, DataSourceProperties dataSource) {
		this(accounts, properties.admin(), dataSource.getUrl());
	}

	/**
	 * @param datasourceUrl the configured JDBC URL; none means Spring Boot's embedded
	 * database
	 */
	AdminBootstrap(EditorAccounts accounts, NewswireProperties.Admin admin, String datasourceUrl) {
		this.accounts = accounts;
		this.username = (admin.username() != null) ? admin.username().strip() : "";
		this.password = (admin.password() != null) ? admin.password() : "";
		this.embedded = datasourceUrl == null || datasourceUrl.isEmpty() || datasourceUrl.startsWith("jdbc:h2:");
	}

	@Override
	public void run() {
		if (!this.username.isEmpty() && !this.password.isEmpty()) {
			createConfiguredAdmin();
		}
		else if (this.accounts.hasEnabledAdmin()) {
			log.debug("Desk admin account present");
		}
		else if (this.embedded) {
			createOneTimeAdmin();
		}
		else {
			log.warn("No desk admin exists and none is configured: nobody can sign in to /desk. "
					+ "Set NEWSWIRE_ADMIN_USER and NEWSWIRE_ADMIN_PASSWORD (at least {} characters) and restart.",
					MIN_PASSWORD_LENGTH);
		}
	}

	private void createConfiguredAdmin() {
		if (this.accounts.exists(this.username)) {
			log.info("Desk admin '{}' from configuration already exists; its password is left as it is", this.username);
		}
		else if (this.password.length() < MIN_PASSWORD_LENGTH) {
			log.error("NEWSWIRE_ADMIN_PASSWORD is shorter than {} characters: desk admin '{}' was not created",
					MIN_PASSWORD_LENGTH, this.username);
		}
		else {
			this.accounts.create(this.username, this.password, EditorRole.ADMIN, "system");
			log.info("Desk admin '{}' created from configuration", this.username);
		}
	}

	private void createOneTimeAdmin() {
		String generated = randomPassword();
		String name = GENERATED_USERNAME;
		if (this.accounts.exists(name)) {
			// An "admin" editor exists but is no admin or disabled: never overwrite it.
			name = GENERATED_USERNAME + "-" + randomPassword().substring(0, 6).toLowerCase(java.util.Locale.ROOT);
		}
		this.accounts.create(name, generated, EditorRole.ADMIN, "system");
		log.warn("""

				*****************************************************************
				  Desk sign-in for this embedded demo database (shown only once):
				    user:     {}
				    password: {}
				  Sign in at /desk/login and create your own accounts.
				*****************************************************************""", name, generated);
	}

	static String randomPassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
