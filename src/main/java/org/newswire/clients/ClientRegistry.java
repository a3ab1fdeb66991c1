package org.newswire.clients;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clients and their keys as the desk manages them. Public for the desk's pages
 * ({@code clients.desk}, internal to the module); other modules use
 * {@link ClientAccounts}. Every change is announced as a {@link ClientAccountChanged} in
 * its transaction, which the audit log records.
 */
@Service
@Transactional(readOnly = true)
public class ClientRegistry implements ClientAccounts {

	private final ApiClientRepository clients;

	private final ApiKeyRepository keys;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ClientRegistry(ApiClientRepository clients, ApiKeyRepository keys, ApplicationEventPublisher events, Clock clock) {
		this.clients = clients;
		this.keys = keys;
		this.events = events;
		this.clock = clock;
	}

	public List<ApiClient> all() {
		return this.clients.findAllByOrderByName();
	}

	public ApiClient get(long id) {
		return this.clients.findById(id).orElseThrow(() -> new ClientNotFoundException("No client " + id));
	}

	@Override
	public Optional<WireClient> find(long clientId) {
		return this.clients.findById(clientId)
			.map((client) -> new WireClient(client.getId(), client.getName(), client.getSections(),
					client.isEmbargoAhead(), client.getRequestsPerMinute(), null));
	}

	public Optional<ApiClient> findByName(String name) {
		return this.clients.findByName(name);
	}

	/**
	 * The client's keys, newest first.
	 */
	public List<ApiKey> keys(long clientId) {
		return this.keys.findByClientIdOrderByCreatedAtDescIdDesc(clientId);
	}

	@Override
	@Transactional
	public long create(NewClient details, String editor) {
		ApiClient client = this.clients.save(new ApiClient(details, this.clock.instant(), editor));
		announce(client, ClientAccountChanged.Change.CREATED, null, describe(details), editor);
		return client.getId();
	}

	@Transactional
	public void change(long id, NewClient details, String editor) {
		ApiClient client = get(id);
		if (client.details().equals(details)) {
			return;
		}
		client.change(details);
		announce(client, ClientAccountChanged.Change.CHANGED, null, describe(details), editor);
	}

	@Override
	@Transactional
	public IssuedKey issueKey(long clientId, Instant expiresAt, String editor) {
		ApiClient client = get(clientId);
		IssuedKey issued = Keys.generate();
		this.keys.save(
				new ApiKey(clientId, issued.keyId(), Keys.hash(issued.key()), this.clock.instant(), editor, expiresAt));
		announce(client, ClientAccountChanged.Change.KEY_ISSUED, issued.keyId(),
				"key " + issued.keyId() + ((expiresAt != null) ? " until " + expiresAt : ""), editor);
		return issued;
	}

	/**
	 * Takes effect on every node with the next request, as each request reads its key
	 * from the database ({@link KeyGate}).
	 */
	@Override
	@Transactional
	public void revokeKey(long clientId, String keyId, String editor) {
		ApiClient client = get(clientId);
		ApiKey key = this.keys.findByClientIdAndKeyId(clientId, keyId)
			.orElseThrow(() -> new ClientNotFoundException("No key " + keyId + " of client " + clientId));
		if (key.getRevokedAt() != null) {
			return;
		}
		key.revoke(this.clock.instant(), editor);
		announce(client, ClientAccountChanged.Change.KEY_REVOKED, keyId, "key " + keyId, editor);
	}

	private static String describe(NewClient details) {
		return "sections " + String.join(", ", details.sections().stream().sorted().toList()) + "; "
				+ (details.embargoAhead() ? "embargoed ahead" : "no embargoed stories ahead") + "; "
				+ details.requestsPerMinute() + " requests a minute";
	}

	private void announce(ApiClient client, ClientAccountChanged.Change change, String keyId, String details,
			String editor) {
		this.events.publishEvent(new ClientAccountChanged(client.getName(), change, keyId, details, editor));
	}

}
