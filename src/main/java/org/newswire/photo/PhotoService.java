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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The photo library. An upload is decoded and rendered within the request that brings it,
 * before it is stored: the first page that shows it finds every rendition there, on every
 * node. Its crops, which only search engines ask for, are rendered the first time one is
 * asked for, on whichever node is asked, and stored for every node (docs/decisions.md).
 */
@Service
class PhotoService implements Photos, PhotoLibrary, DisposableBean {

	private final PhotoStore store;

	private final Clock clock;

	/**
	 * Renders crops: as many photos at once as the machine has cores, so a crawler asking
	 * for the crops of many photos at once cannot hold more originals, read or decoded,
	 * in the heap than that.
	 */
	private final ExecutorService renderers;

	/** Crops being rendered on this node, by hash: asked again meanwhile, they wait. */
	private final Map<String, CompletableFuture<List<Renditions.Encoded>>> cropping = new ConcurrentHashMap<>();

	PhotoService(PhotoStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
		CustomizableThreadFactory threads = new CustomizableThreadFactory("photo-render-");
		threads.setDaemon(true);
		this.renderers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), threads);
	}

	@Override
	public void destroy() {
		this.renderers.shutdownNow();
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

	/**
	 * A crop's bytes, rendered and stored first if this is the first time any node is
	 * asked for it; empty, and nothing rendered, for a hash no photo has or a width that
	 * is not its crop's. Not transactional: each crop is stored as soon as it is
	 * rendered, and one a second node stored first is kept.
	 */
	Optional<byte[]> crop(String hash, String ratio, int width) {
		Optional<byte[]> stored = this.store.rendition(hash, ratio, width, "jpg");
		if (stored.isPresent()) {
			return stored;
		}
		Optional<PhotoStore.FirstPhoto> photo = this.store.first(hash);
		if (photo.isEmpty() || Photo.crop(hash, photo.get().width(), photo.get().height(), ratio).width() != width) {
			return Optional.empty();
		}
		// Asked again while they render, the crops are waited for, not read and decoded
		// again.
		CompletableFuture<List<Renditions.Encoded>> rendering = this.cropping.computeIfAbsent(hash,
				(key) -> CompletableFuture.supplyAsync(() -> renderCrops(hash, photo.get().id()), this.renderers));
		try {
			return rendering.join()
				.stream()
				.filter((crop) -> crop.crop().equals(ratio) && crop.width() == width)
				.map(Renditions.Encoded::bytes)
				.findFirst();
		}
		finally {
			this.cropping.remove(hash, rendering);
		}
	}

	/**
	 * All the crops of a photo from one decoding of its original, read here, on a
	 * renderer, rather than by the request that waits for them.
	 */
	private List<Renditions.Encoded> renderCrops(String hash, long photoId) {
		List<Renditions.Encoded> crops = Renditions.crops(Original.decode(this.store.original(photoId)), hash);
		crops.forEach((crop) -> this.store.insertRenditionIfAbsent(photoId, crop));
		return crops;
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
