package org.newswire.archive;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.newswire.Datelines;
import org.newswire.Paragraphs;
import org.newswire.article.Paths;
import org.newswire.article.WritethruKind;

/**
 * Makes up the archive's stories, oldest first, with what the publishing rules would have
 * given them: labels from {@link WritethruKind#labelAfter}, slugs from
 * {@link Paths#slug}, datelines from {@link Datelines}. The same seed makes the same
 * archive, so benchmarks of one size read the same stories. Not thread-safe.
 */
final class ArchiveStories {

	private static final int MIN_WORDS = 120;

	private static final int MAX_WORDS = 900;

	/** An added paragraph's length; originals stay short enough for three of them. */
	private static final int ADDED_WORDS = 50;

	/** How many stories have 1, 2, 3 or 4 versions, per 100: 1.52 on average. */
	private static final int[] VERSION_SHARES = { 65, 22, 9, 4 };

	/** Later versions' kinds, per 100. */
	private static final WritethruKind[] KINDS = WritethruKind.values();

	private static final int[] KIND_SHARES = { 35, 20, 20, 25 };

	private final ArchiveText text = new ArchiveText(20_260_101L);

	private final List<String> sections;

	private final List<Source> sources;

	private final ZoneId zone;

	private final Instant now;

	private final Instant start;

	private final long spacingMillis;

	private final int stories;

	private final Photos photos;

	/**
	 * @param sources the first is the house agency, which files most stories
	 * @param stories how many there will be, spread over the time before {@code now}
	 */
	ArchiveStories(List<String> sections, List<Source> sources, ZoneId zone, Instant now, Duration spacing, int stories,
			Photos photos) {
		this.sections = sections;
		this.sources = sources;
		this.zone = zone;
		this.now = now;
		this.spacingMillis = spacing.toMillis();
		this.start = now.minusMillis(this.spacingMillis * stories);
		this.stories = stories;
		this.photos = photos;
	}

	ArchiveStory story(long id) {
		int section = this.text.nextInt(this.sections.size());
		Source source = this.sources.get((this.text.nextInt(10) < 8) ? 0 : this.text.nextInt(this.sources.size()));
		String place = this.text.place();
		Instant filed = this.start.plusMillis(id * this.spacingMillis - this.text.nextInt((int) this.spacingMillis));
		String byline = (this.text.nextInt(3) == 0) ? null : "By " + this.text.person();
		int urgency = 3 + this.text.nextInt(3);
		int count = pick(VERSION_SHARES) + 1;
		List<String> body = this.text.body(section, place, length());
		String headline = this.text.headline(section, place);
		List<WritethruKind> kinds = new ArrayList<>();
		List<ArchiveStory.Version> versions = new ArrayList<>();
		Instant published = filed;
		String label = null;
		for (int sequence = 1; sequence <= count; sequence++) {
			WritethruKind kind = WritethruKind.LD_WRITETHRU;
			String correction = null;
			if (sequence > 1) {
				kind = KINDS[pick(KIND_SHARES)];
				published = later(published);
				label = kind.labelAfter(kinds);
				body = revise(body, kind, section, place);
				if (kind == WritethruKind.CORRECTS) {
					correction = this.text.correctionNote();
				}
				else if (kind != WritethruKind.ADDS) {
					headline = this.text.headline(section, place);
				}
			}
			kinds.add(kind);
			versions.add(new ArchiveStory.Version(sequence, kind, label, headline, Paragraphs.join(body), correction,
					published));
		}
		String slugline = this.text.slugline(section);
		String dateline = Datelines.of(place.toUpperCase(Locale.ROOT), source.name(), filed, this.zone);
		return new ArchiveStory(id, Paths.slug(headline), this.sections.get(section), slugline, source.code(), dateline,
				byline, urgency, List.copyOf(versions), photo(id));
	}

	/**
	 * Every story whose id passes a whole multiple of one over the share, so the share is
	 * spread evenly and exact, and the newest, which benchmarks measure as the article
	 * page; they take the photos in turn. Decided from the id alone, so the rest of the
	 * archive is the same whatever the share.
	 */
	private Long photo(long id) {
		if (this.photos.ids().isEmpty()) {
			return null;
		}
		boolean chosen = id == this.stories
				|| Math.floor(id * this.photos.share()) > Math.floor((id - 1) * this.photos.share());
		return chosen ? this.photos.ids().get((int) (id % this.photos.ids().size())) : null;
	}

	/**
	 * A new lead rewrites the first paragraph, a writethru the whole story, a correction
	 * one paragraph, an add appends one; the length stays in range.
	 */
	private List<String> revise(List<String> body, WritethruKind kind, int section, String place) {
		List<String> next = new ArrayList<>(body);
		switch (kind) {
			case LD_WRITETHRU -> next.set(0, this.text.paragraph(section, place, ArchiveText.countWords(body.get(0))));
			case WRITETHRU -> {
				return this.text.body(section, place, words(body));
			}
			case CORRECTS -> {
				int i = this.text.nextInt(next.size());
				next.set(i, this.text.paragraph(section, place, ArchiveText.countWords(next.get(i))));
			}
			case ADDS -> next.add(this.text.paragraph(section, place, ADDED_WORDS));
		}
		return next;
	}

	private static int words(List<String> body) {
		return body.stream().mapToInt(ArchiveText::countWords).sum();
	}

	/**
	 * Most wire stories are short: lengths lean towards the minimum (about 330 words on
	 * average), leaving room for three added paragraphs.
	 */
	private int length() {
		double roll = this.text.nextDouble();
		return MIN_WORDS + (int) ((MAX_WORDS - 3 * ADDED_WORDS - MIN_WORDS) * roll * roll);
	}

	/**
	 * Minutes to hours after the previous version, never in the future.
	 */
	private Instant later(Instant previous) {
		Instant next = previous.plusSeconds(this.text.between(300, 6 * 3600));
		if (next.isAfter(this.now)) {
			next = previous.plusMillis(Math.max(1, Duration.between(previous, this.now).toMillis() / 2));
		}
		return next;
	}

	private int pick(int[] shares) {
		int roll = this.text.nextInt(100);
		for (int i = 0; i < shares.length; i++) {
			roll -= shares[i];
			if (roll < 0) {
				return i;
			}
		}
		return shares.length - 1;
	}

	/**
	 * An agency that files stories: its code, and its name for the dateline.
	 */
	record Source(String code, String name) {
	}

	/**
	 * The photos stories may lead with, and the share of stories that do.
	 */
	record Photos(List<Long> ids, double share) {

		static final Photos NONE = new Photos(List.of(), 0);

	}

}
