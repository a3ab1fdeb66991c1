package org.newswire.push;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.newswire.BackgroundWork;
import org.newswire.LogText;
import org.newswire.feed.FeedDocuments;
import org.newswire.push.Subscriptions.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The WebSub hub of the public feeds (W3C WebSub). A subscription request is checked at
 * once (the topic must be one of our feeds, the callback must pass the push address
 * rules) and its intent verified afterwards, off the request: the callback must answer
 * the hub's GET with a 2xx whose body is exactly the challenge. Distributions are outbox
 * rows like webhook deliveries, sent with the feed as it is when sent.
 */
@Component
class Hub implements SmartLifecycle {

	/** When a subscriber asks for none. */
	static final Duration DEFAULT_LEASE = Duration.ofDays(10);

	/** The longest lease granted; a subscriber asking for more gets this. */
	static final Duration MAX_LEASE = Duration.ofDays(30);

	/** The spec asks hubs to take secrets shorter than 200 bytes. */
	static final int MAX_SECRET_BYTES = 199;

	private static final int VERIFIERS = 2;

	private static final int WAITING_VERIFICATIONS = 500;

	private static final Logger logger = LoggerFactory.getLogger(Hub.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final FeedDocuments feeds;

	private final Subscriptions subscriptions;

	private final AddressRules rules;

	private final Sender sender;

	private volatile ExecutorService verifier;

	Hub(FeedDocuments feeds, Subscriptions subscriptions, AddressRules rules, Sender sender) {
		this.feeds = feeds;
		this.subscriptions = subscriptions;
		this.rules = rules;
		this.sender = sender;
	}

	/**
	 * Checks a request and has its intent verified in the background.
	 * @param origin where this site's feed URLs start
	 * @throws BadHubRequestException saying what is wrong with it
	 */
	void request(String origin, Request request) {
		FeedDocuments.Topic topic = this.feeds.topic(origin, request.topic())
			.orElseThrow(() -> new BadHubRequestException(
					"hub.topic must be the self URL of one of this site's feeds, e.g. " + origin + "/feeds/atom.xml"));
		try {
			this.rules.check(request.callback());
		}
		catch (RefusedAddressException ex) {
			throw new BadHubRequestException("hub.callback refused: " + ex.getMessage());
		}
		try {
			this.verifier.execute(() -> verify(topic, request));
		}
		catch (RejectedExecutionException ex) {
			throw new BadHubRequestException(HttpStatus.SERVICE_UNAVAILABLE,
					"The hub has too many requests to verify; ask again in a minute");
		}
	}

	/** Runs on the verifier thread. */
	void verify(FeedDocuments.Topic topic, Request request) {
		String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
		StringBuilder query = new StringBuilder();
		query.append("hub.mode=").append(request.subscribe() ? "subscribe" : "unsubscribe");
		query.append("&hub.topic=").append(URLEncoder.encode(topic.url(), StandardCharsets.UTF_8));
		query.append("&hub.challenge=").append(challenge);
		if (request.subscribe()) {
			query.append("&hub.lease_seconds=").append(request.leaseSeconds());
		}
		String callback = request.callback().toString();
		URI verification = URI
			.create(callback + ((request.callback().getRawQuery() != null) ? "&" : "?") + query.toString());
		Answer answer = this.sender.get(verification);
		if (!answer.delivered() || !answer.text().equals(challenge)) {
			logger.info("WebSub {} of {} not verified: {} {}", request.subscribe() ? "subscription" : "unsubscription",
					callback, answer.status(), LogText.loggable(answer.text()));
			return;
		}
		if (request.subscribe()) {
			this.subscriptions.subscribe(topic.url(), topic.tag(), request.callback(), request.secret(),
					request.leaseSeconds());
		}
		else {
			this.subscriptions.unsubscribe(topic.url(), request.callback());
		}
	}

	/**
	 * Sends a distribution: the topic's feed as it is now, with its {@code Link} header
	 * (hub and self) and, for a subscriber with a secret, {@code X-Hub-Signature}.
	 */
	Answer distribute(Subscription subscription) {
		Optional<FeedDocuments.Document> found = this.feeds.document(subscription.topic());
		if (found.isEmpty()) {
			return Answer.none("The feed " + subscription.topic() + " is no more");
		}
		FeedDocuments.Document document = found.get();
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", document.contentType());
		headers.put("Link", document.link());
		if (subscription.secret() != null) {
			headers.put("X-Hub-Signature", Signatures.hub(subscription.secret(), document.body()));
		}
		return this.sender.post(subscription.callback(), headers, document.body());
	}

	private static byte[] random(int length) {
		byte[] bytes = new byte[length];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	@Override
	public void start() {
		// Bounded: a flood of requests with slow callbacks is refused rather than queued
		// without end.
		this.verifier = new ThreadPoolExecutor(VERIFIERS, VERIFIERS, 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(WAITING_VERIFICATIONS), (task) -> {
					Thread thread = new Thread(task, "websub-verifier");
					thread.setDaemon(true);
					return thread;
				});
	}

	@Override
	public void stop() {
		BackgroundWork.stop(this.verifier);
		this.verifier = null;
	}

	@Override
	public boolean isRunning() {
		return this.verifier != null;
	}

	/**
	 * A subscriber's request, once its parameters are read.
	 *
	 * @param secret its {@code hub.secret}, or {@code null}
	 */
	record Request(boolean subscribe, String topic, URI callback, long leaseSeconds, String secret) {
	}

}
