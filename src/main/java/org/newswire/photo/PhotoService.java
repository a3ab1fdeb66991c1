package org.newswire.photo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.newswire.article.ArticleSummary;
import org.newswire.article.Stories;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The photo library and the lead photos of stories. An upload is decoded and rendered
 * within the request that brings it, before it is stored: the first page that shows it
 * finds every rendition there, on every node.
 */
@Service
class PhotoService implements Photos, PhotoLibrary {

	private final PhotoStore store;

	private final Stories stories;

	private final Clock clock;

	PhotoService(PhotoStore store, Stories stories, Clock clock) {
		this.store = store;
		this.stories = stories;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Photo add(Upload upload, String editor) {
		Original original = Original.decode(upload.bytes());
		String caption = text(upload.caption(), original.metadata().caption());
		String credit = text(upload.credit(), original.metadata().credit());
		String alt = AltText.check(upload.alt(), upload.fileName(), caption);
		List<Renditions.Encoded> renditions = Renditions.render(original);
		long id = this.store.insert(sha256(upload.bytes()), upload.bytes(), original, caption, credit, alt,
				this.clock.instant(), editor);
		this.store.insertRenditions(id, renditions);
		return this.store.find(id).orElseThrow();
	}

	private static String text(String typed, String fromFile) {
		return (typed != null && !typed.isBlank()) ? typed.strip() : fromFile;
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Photo> find(long photoId) {
		return this.store.find(photoId);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Photo> search(String text, int limit) {
		return this.store.search(text, limit);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Photo> lead(long articleId, int version) {
		return this.stories.find(articleId)
			.filter((story) -> !story.killed())
			.flatMap((story) -> this.stories.version(articleId, version))
			.map((view) -> view.photoId())
			.flatMap(this.store::find);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, Photo> leads(Collection<Long> articleIds) {
		if (articleIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, Long> photoIds = this.stories.current(List.copyOf(articleIds))
			.stream()
			.filter((story) -> !story.killed() && story.current().photoId() != null)
			.collect(Collectors.toMap(ArticleSummary::id, (story) -> story.current().photoId()));
		Map<Long, Photo> photos = this.store.findAll(photoIds.values().stream().distinct().toList())
			.stream()
			.collect(Collectors.toMap(Photo::id, Function.identity()));
		return photoIds.entrySet()
			.stream()
			.filter((entry) -> photos.containsKey(entry.getValue()))
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> photos.get(entry.getValue())));
	}

}
