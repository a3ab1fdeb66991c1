package org.newswire.wire;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newswire.SettableClock;
import org.newswire.TestStories;
import org.newswire.article.Publishing;
import org.newswire.clients.ClientAccounts;
import org.newswire.wire.Cursors.Position;
import org.newswire.wire.WireClientsFixture.Client;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newswire.wire.WireClientsFixture.JSON;
import static org.newswire.wire.WireClientsFixture.changes;

/**
 * What the feed answers to a request it cannot serve as asked: a problem a client can act
 * on, never a 5xx; and where a cursor past retention or of another database leads.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FeedProblemsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClientAccounts accounts;

	@Autowired
	Publishing publishing;

	@Autowired
	SettableClock clock;

	@Autowired
	WireState state;

	@Autowired
	RetentionJob retention;

	@Autowired
	JdbcTemplate jdbc;

	WireClientsFixture clients;

	Client client;

	@BeforeEach
	void client() {
		this.clients = new WireClientsFixture(this.mvc, this.accounts);
		this.client = this.clients.client(false, "world", "science");
	}

	@Test
	void badParametersAreProblemsSayingWhatIsExpected() throws Exception {
		String cursor = this.clients.end(this.client);
		assertProblem("cursor=" + cursor + "&limit=abc", 400, "invalid-limit");
		assertProblem("cursor=" + cursor + "&limit=0", 400, "invalid-limit");
		assertProblem("cursor=" + cursor + "&urgency=9", 400, "invalid-urgency");
		assertProblem("cursor=" + cursor + "&urgency=flash", 400, "invalid-urgency");
		assertProblem("cursor=" + cursor + "&sections=world,atlantis", 400, "unknown-section");
		assertProblem("cursor=" + cursor + "&sections=", 400, "unknown-section");
		assertProblem("cursor=" + cursor + "&sections=world,sports", 403, "section-not-entitled");
		assertProblem("cursor=" + cursor + "&format=rss", 406, "not-acceptable");
		assertProblem("since=yesterday", 400, "invalid-since");
		assertProblem("since=2026-12-01T10:00:00", 400, "invalid-since");
		assertProblem("cursor=" + cursor + "&since=2026-12-01T10:00:00Z", 400, "cursor-and-since");
	}

	@Test
	void aCursorThatWasAlteredOrNeverIssuedIsRefused() throws Exception {
		String cursor = this.clients.end(this.client);
		char last = cursor.charAt(cursor.length() - 1);
		String altered = cursor.substring(0, cursor.length() - 1) + ((last == '0') ? '1' : '0');

		assertProblem("cursor=" + altered, 400, "invalid-cursor");
		assertProblem("cursor=not-a-cursor", 400, "invalid-cursor");
		assertProblem("cursor=%00%ff", 400, "invalid-cursor");
	}

	@Test
	void aSignedCursorBeyondTheNewestChangeIsFromTheFuture() throws Exception {
		WireState.Now now = this.state.now();
		String future = Cursors.encode(new Position(now.era(), now.newest() + 1000), now.secret());

		assertProblem("cursor=" + future, 400, "cursor-from-the-future");
	}

	@Test
	void aCursorOfAnotherDatabaseEraIsGoneWithHowToRestart() throws Exception {
		WireState.Now now = this.state.now();
		String restored = Cursors.encode(new Position(now.era() - 1, now.newest()), now.secret());

		JsonNode problem = assertProblem("cursor=" + restored, 410, "cursor-of-another-era");
		assertThat(problem.get("detail").asText()).contains("since=");
	}

	/**
	 * The scheduled run deletes what is past the retention and tells the operator how
	 * many records went; a client's cursor from before them is gone.
	 */
	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void changesOlderThanTheRetentionAreDeletedAndACursorBeforeThemIsGone(CapturedOutput output) throws Exception {
		String old = this.clients.end(this.client);
		TestStories.story().headline("Old harbour story").publish(this.publishing);
		String beforeNewest = this.clients.end(this.client);
		TestStories.story().headline("Newest harbour story").publish(this.publishing);
		// A month on, every change is past the retention; the newest is kept all the
		// same.
		Instant later = this.clock.instant().plus(Duration.ofDays(31));
		try {
			long before = records();
			int logged = output.getOut().length();
			this.clock.runAt(later, this.retention::run);
			long deleted = before - records();

			assertThat(deleted).isPositive();
			assertThat(output.getOut()
				.substring(logged)
				.lines()
				.filter((line) -> line.contains("RetentionJob"))
				.map((line) -> line.substring(line.indexOf(" : ") + 3)))
				.containsExactly("Deleted " + deleted + " change records older than PT720H");
			assertThat(this.clock.callAt(later, this.retention::prune)).as("a second run deletes nothing").isZero();
			JsonNode gone = assertProblem("cursor=" + old, 410, "past-retention");
			assertThat(gone.get("detail").asText()).contains("since=");
			assertProblem("since=" + this.clock.instant(), 410, "past-retention");
			// A client right before the newest change still gets it.
			assertThat(changes(this.clients.page(this.client, "cursor=" + beforeNewest)))
				.containsExactly("published 1 usable");
		}
		finally {
			// The other tests of this context replay from now, which is a month before
			// this prune's cutoff.
			this.jdbc.update("update wire_state set pruned_through = 0, pruned_before = null");
		}
	}

	private long records() {
		return this.jdbc.queryForObject("select count(*) from change_record", Long.class);
	}

	private JsonNode assertProblem(String query, int status, String type) throws Exception {
		MockHttpServletResponse response = this.clients.feed(this.client, query).getResponse();
		assertThat(response.getStatus()).as(query).isEqualTo(status);
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		JsonNode problem = JSON.readTree(response.getContentAsByteArray());
		assertThat(problem.get("type").asText()).as(query).isEqualTo("urn:newswire:problem:" + type);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asText()).isNotBlank();
		assertThat(problem.get("detail").asText()).isNotBlank();
		return problem;
	}

}
