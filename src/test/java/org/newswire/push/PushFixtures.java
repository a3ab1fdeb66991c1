package org.newswire.push;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wire clients for push tests, written straight into the clients' tables.
 */
final class PushFixtures {

	private PushFixtures() {
	}

	/** A client receiving the given sections, not embargoed stories. */
	static long client(JdbcTemplate jdbc, String... sections) {
		String name = "Client " + UUID.randomUUID();
		jdbc.update(
				"insert into api_client (name, contact, embargo_ahead, requests_per_minute, created_at, "
						+ "created_by) values (?, 'desk@client.example', false, 120, ?, 'chief')",
				name, Timestamp.from(Instant.now()));
		long id = jdbc.queryForObject("select id from api_client where name = ?", Long.class, name);
		for (String section : sections) {
			jdbc.update("insert into api_client_section (client_id, section_code) values (?, ?)", id, section);
		}
		return id;
	}

}
