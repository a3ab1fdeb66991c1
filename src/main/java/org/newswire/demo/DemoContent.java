package org.newswire.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.newswire.Datelines;
import org.newswire.NewswireProperties;
import org.newswire.StartupStep;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Listings;
import org.newswire.article.Publishing;
import org.newswire.article.Publishing.NewArticle;
import org.newswire.article.Publishing.WritethruDraft;
import org.newswire.article.SourceView;
import org.newswire.article.Urgency;
import org.newswire.demo.DemoScript.Story;
import org.newswire.demo.DemoScript.TickerLine;
import org.newswire.demo.DemoScript.Update;
import org.newswire.photo.PhotoLibrary;
import org.newswire.ticker.TickerService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty database with our own invented stories, their writethrus and ticker
 * headlines, so a fresh checkout shows a living wire. Everything goes through the real
 * publishing rules, backdated with {@link ReplayClock} and replayed in time order, so
 * labels, sequences and the ticker come out exactly as if editors had filed them. Off in
 * production: the {@code postgres} profile sets {@code newswire.demo.enabled=false}. A
 * start-up step, so nodes starting together load it once and no reader sees the wire
 * before it.
 */
@Component
@ConditionalOnBooleanProperty("newswire.demo.enabled")
@Order(2)
class DemoContent implements StartupStep {

	static final String EDITOR = "demo";

	private static final String SCRIPT = "demo/content.json";

	private static final Logger logger = LoggerFactory.getLogger(DemoContent.class);

	private final Publishing publishing;

	private final Listings listings;

	private final TickerService ticker;

	private final ReplayClock clock;

	private final TransactionTemplate transaction;

	private final JsonMapper json;

	private final ZoneId zone;

	private final PhotoLibrary photos;

	DemoContent(Publishing publishing, Listings listings, TickerService ticker, ReplayClock clock,
			TransactionTemplate transaction, JsonMapper json, NewswireProperties properties, PhotoLibrary photos) {
		this.publishing = publishing;
		this.photos = photos;
		this.listings = listings;
		this.ticker = ticker;
		this.clock = clock;
		this.transaction = transaction;
		this.json = json;
		this.zone = properties.timeZone();
	}

	@Override
	public void run() {
		if (this.listings.count() > 0) {
			logger.debug("Database holds articles already; no demo content loaded");
			return;
		}
		DemoScript script = read();
		Instant now = this.clock.instant();
		// One transaction: a failed load leaves the database empty, so the next start
		// tries again instead of finding half a wire.
		this.transaction.executeWithoutResult((status) -> replay(script, now));
		logger.info("Loaded {} demo articles and {} extra ticker headlines", script.stories().size(),
				script.headlines().size());
	}

	private DemoScript read() {
		try (InputStream in = new ClassPathResource(SCRIPT).getInputStream()) {
			return this.json.readValue(in, DemoScript.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + SCRIPT, ex);
		}
	}

	private void replay(DemoScript script, Instant now) {
		Map<String, String> agencies = this.listings.sources()
			.stream()
			.collect(Collectors.toMap(SourceView::code, SourceView::name));
		Map<String, ArticleSummary> bySlugline = new HashMap<>();
		List<Step> steps = new ArrayList<>();
		// Every other story leads with one of the drawn photos, so the wire shows lists
		// with and without them.
		List<Long> pictures = DemoPictures.uploads()
			.stream()
			.map((upload) -> this.photos.add(upload, EDITOR).id())
			.toList();
		for (int i = 0; i < script.stories().size(); i++) {
			Story story = script.stories().get(i);
			Long photoId = (i % 2 == 0) ? pictures.get((i / 2) % pictures.size()) : null;
			Instant filed = now.minus(hours(story.hoursAgo()));
			steps.add(new Step(filed, () -> bySlugline.put(story.slugline(),
					this.publishing.publish(newArticle(story, dateline(story, agencies, filed), photoId), EDITOR))));
			for (Update update : story.writethrus()) {
				steps.add(new Step(now.minus(hours(update.hoursAgo())),
						() -> bySlugline.compute(story.slugline(), (slugline, current) -> writethru(current, update))));
			}
		}
		for (TickerLine line : script.headlines()) {
			steps.add(new Step(now.minus(hours(line.hoursAgo())),
					() -> this.ticker.post(line.text(), Urgency.of(line.urgency()),
							(line.slugline() != null) ? articleId(bySlugline, line.slugline()) : null, EDITOR)));
		}
		steps.sort(Comparator.comparing(Step::at));
		steps.forEach((step) -> this.clock.replayAt(step.at(), step.work()));
	}

	private ArticleSummary writethru(ArticleSummary current, Update update) {
		if (current == null) {
			throw new IllegalStateException("Demo writethru at " + update.hoursAgo() + " hours ago precedes its story");
		}
		String headline = (update.headline() != null) ? update.headline() : current.current().headline();
		String byline = (update.byline() != null) ? update.byline() : current.byline();
		Urgency urgency = (update.urgency() != null) ? Urgency.of(update.urgency()) : current.urgency();
		WritethruDraft draft = new WritethruDraft(update.kind(), headline, update.paragraphs(), update.ednote(),
				update.correctionNote(), byline, urgency, current.current().photoId());
		return this.publishing.postWritethru(current.id(), current.current().sequence(), draft, EDITOR);
	}

	private static NewArticle newArticle(Story story, String dateline, Long photoId) {
		return new NewArticle(story.section(), story.slugline(), story.source(), dateline, story.byline(), "en",
				Urgency.of(story.urgency()), story.headline(), story.paragraphs(), story.ednote(), photoId);
	}

	private String dateline(Story story, Map<String, String> agencies, Instant filed) {
		return Datelines.of(story.place(), agencies.get(story.source()), filed, this.zone);
	}

	private static long articleId(Map<String, ArticleSummary> bySlugline, String slugline) {
		ArticleSummary story = bySlugline.get(slugline);
		if (story == null) {
			throw new IllegalStateException(
					"Demo headline links to " + slugline + ", which is not published before it");
		}
		return story.id();
	}

	private static Duration hours(double hours) {
		return Duration.ofSeconds(Math.round(hours * 3600));
	}

	private record Step(Instant at, Runnable work) {
	}

}
