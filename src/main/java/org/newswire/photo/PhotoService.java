package org.newswire.photo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The photo library. An upload is decoded and rendered within the request that brings it,
 * before it is stored: the first page that shows it finds every rendition there, on every
 * node.
 */
@Service
class PhotoService implements Photos, PhotoLibrary {

	private final PhotoStore store;

	private final Clock clock;

	PhotoService(PhotoStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Photo add(Upload upload, String editor) {
		Original original = Original.decode(upload.bytes());
		String caption = text(upload.caption(), original.metadata().caption(), MAX_CAPTION, "caption");
		String credit = text(upload.credit(), original.metadata().credit(), MAX_CREDIT, "credit");
		String alt = AltText.check(upload.alt(), upload.fileName(), caption);
		List<Renditions.Encoded> renditions = Renditions.render(original);
		long id = this.store.insert(sha256(upload.bytes()), upload.bytes(), original, caption, credit, alt,
				this.clock.instant(), editor);
		this.store.insertRenditions(id, renditions);
		return this.store.find(id).orElseThrow();
	}

	/**
	 * What the editor typed, or else what the file says, which is cut to the limit rather
	 * than refused: the editor did not write it.
	 */
	private static String text(String typed, String fromFile, int max, String name) {
		if (typed != null && !typed.isBlank()) {
			if (typed.strip().length() > max) {
				throw new PhotoRefusedException("The " + name + " is at most " + max + " characters.", false);
			}
			return typed.strip();
		}
		return (fromFile != null && fromFile.length() > max) ? fromFile.substring(0, max) : fromFile;
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
	public Map<Long, Photo> findAll(Collection<Long> photoIds) {
		return this.store.findAll(Set.copyOf(photoIds))
			.stream()
			.collect(Collectors.toMap(Photo::id, Function.identity()));
	}

}
