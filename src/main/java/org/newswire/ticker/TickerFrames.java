package org.newswire.ticker;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * What the live stream says, written once as server-sent-event frames for every stream:
 * the whole ticker with its items as {@link TickerMarkup} renders them, the alerts that
 * lead it, and the notice of an article's new version. Used by the broadcaster's one
 * builder thread only, so revisions rise in the order the changes came.
 */
final class TickerFrames {

	static final String TICKER_EVENT = "ticker";

	static final String ARTICLE_EVENT = "article";

	static final String ALERT_EVENT = "alert";

	static final long RETRY_MILLIS = 3000;

	private static final MediaType TEXT_UTF8 = new MediaType("text", "plain", StandardCharsets.UTF_8);

	private final TickerMarkup markup;

	private final JsonMapper json;

	private final MessageSource messages;

	private final Clock clock;

	/** The items of the last ticker sent. */
	private String items;

	/**
	 * The alert of each line leading the ticker as an alert, by headline id, in order.
	 */
	private Map<Long, Set<DataWithMediaType>> alerts = Map.of();

	private long revision;

	TickerFrames(TickerMarkup markup, JsonMapper json, MessageSource messages, Clock clock) {
		this.markup = markup;
		this.json = json;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * The frames of a new ticker, or none when it would show what the last one showed.
	 */
	Optional<Ticker> ticker(List<TickerLine> lines) {
		String items = this.markup.render(lines);
		if (items.equals(this.items)) {
			return Optional.empty();
		}
		this.items = items;
		// Clock-based, so revisions keep rising across a restart and browsers that skip
		// revisions they have seen never ignore a fresh server.
		this.revision = Math.max(this.revision + 1, this.clock.millis());
		Map<Long, Set<DataWithMediaType>> alerts = new LinkedHashMap<>();
		lines.stream()
			.filter(TickerLine::alert)
			.forEach((line) -> alerts.put(line.id(),
					this.alerts.containsKey(line.id()) ? this.alerts.get(line.id()) : alert(line)));
		String data = this.json.writeValueAsString(new TickerData(this.revision, List.copyOf(alerts.keySet()), items));
		Set<DataWithMediaType> snapshot = SseEmitter.event()
			.id(Long.toString(this.revision))
			.name(TICKER_EVENT)
			.reconnectTime(RETRY_MILLIS)
			.data(data, TEXT_UTF8)
			.build();
		List<Set<DataWithMediaType>> raised = alerts.entrySet()
			.stream()
			.filter((alert) -> !this.alerts.containsKey(alert.getKey()))
			.map(Map.Entry::getValue)
			.toList();
		this.alerts = alerts;
		// A new stream, or one reconnecting after it missed an alert, gets every alert
		// there is; the browser skips those it shows or the reader dismissed.
		return Optional.of(new Ticker(frame(snapshot, List.copyOf(alerts.values())), frame(snapshot, raised),
				new Snapshot(this.revision, data)));
	}

	/**
	 * A Flash or Bulletin story leading the ticker, for open pages to raise a banner
	 * until the reader dismisses it. Sent once when it starts to lead and again to every
	 * stream that connects while it does.
	 */
	private Set<DataWithMediaType> alert(TickerLine line) {
		String data = this.json
			.writeValueAsString(new Alert(line.id(), line.urgency(), line.urgencyName(), line.text(), line.url()));
		return SseEmitter.event().name(ALERT_EVENT).data(data, TEXT_UTF8).build();
	}

	/** Events written together, in order, as one frame. */
	private static Set<DataWithMediaType> frame(Set<DataWithMediaType> first, List<Set<DataWithMediaType>> rest) {
		if (rest.isEmpty()) {
			return first;
		}
		Set<DataWithMediaType> frame = new LinkedHashSet<>(first);
		rest.forEach(frame::addAll);
		return frame;
	}

	/**
	 * The notice of an article's new version, under the revision of the ticker that
	 * carries it.
	 */
	Set<DataWithMediaType> article(TickerService.ArticleVersion published) {
		String message = this.messages.getMessage("live.updated", new Object[] { published.headline() },
				Locale.ENGLISH);
		String linkText = this.messages.getMessage("live.readLatest", null, Locale.ENGLISH);
		String data = this.json.writeValueAsString(new ArticleUpdate(published.articleId(), published.sequence(),
				published.headline(), published.path(), message, linkText));
		return SseEmitter.event().id(Long.toString(this.revision)).name(ARTICLE_EVENT).data(data, TEXT_UTF8).build();
	}

	/**
	 * A new ticker's frames.
	 *
	 * @param first what a stream that connects from now on starts with
	 * @param news what the open streams are sent
	 * @param snapshot the data of its {@code ticker} event
	 */
	record Ticker(Set<DataWithMediaType> first, Set<DataWithMediaType> news, Snapshot snapshot) {
	}

	/**
	 * @param json the data of a {@code ticker} event, what {@code /ticker/snapshot}
	 * serves
	 */
	record Snapshot(long revision, String json) {
	}

	/**
	 * The data of a {@code ticker} event.
	 *
	 * @param alerts the ids of the lines leading as alerts, for open pages to take down
	 * the banners of the others
	 * @param html the ticker's items
	 */
	record TickerData(long revision, List<Long> alerts, String html) {
	}

	/**
	 * A new version of an article: pages showing an older one offer the reader the
	 * latest.
	 */
	record ArticleUpdate(long articleId, int sequence, String headline, String path, String message, String linkText) {
	}

	/**
	 * An alert as pages show it; {@code id} is its ticker line's, new for every version
	 * posted, so a writethru raises a new alert and a dismissed one stays dismissed.
	 *
	 * @param level "Flash" or "Bulletin"
	 * @param headline the headline led by its label, as the ticker shows it
	 * @param url the story's page
	 */
	record Alert(long id, int urgency, String level, String headline, String url) {
	}

}
