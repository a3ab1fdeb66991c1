package org.newswire.photo;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The photo tables, in plain JDBC: bytes go in and out as they are, and a list reads its
 * photos and their renditions in two statements without ever loading an original.
 */
@Component
class PhotoStore {

	private static final String COLUMNS = "id, hash, width, height, alt_text, caption, credit";

	private static final String INSERT_RENDITION = "insert into photo_rendition (photo_id, crop, width, format, "
			+ "height, bytes) values (?, ?, ?, ?, ?, ?)";

	private final JdbcTemplate jdbc;

	PhotoStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String hash, byte[] original, Original decoded, String caption, String credit, String alt, Instant at,
			String editor) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			PreparedStatement statement = connection
				.prepareStatement(
						"insert into photo (hash, original, mime, width, height, caption, credit, alt_text, "
								+ "uploaded_at, uploaded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
						new String[] { "id" });
			statement.setString(1, hash);
			statement.setBytes(2, original);
			statement.setString(3, decoded.mime());
			statement.setInt(4, decoded.width());
			statement.setInt(5, decoded.height());
			statement.setString(6, caption);
			statement.setString(7, credit);
			statement.setString(8, alt);
			statement.setTimestamp(9, Timestamp.from(at));
			statement.setString(10, editor);
			return statement;
		}, key);
		return key.getKey().longValue();
	}

	void insertRenditions(long photoId, List<Renditions.Encoded> renditions) {
		this.jdbc.batchUpdate(INSERT_RENDITION, renditions, renditions.size(),
				(statement, rendition) -> setRendition(statement, photoId, rendition));
	}

	/**
	 * Stores a rendition another node may be storing at the same moment: the same
	 * original gives the same picture, so whichever comes second is dropped. Each row is
	 * its own statement, outside any transaction, so a duplicate leaves the rest stored.
	 */
	void insertRenditionIfAbsent(long photoId, Renditions.Encoded rendition) {
		try {
			this.jdbc.update(INSERT_RENDITION, (statement) -> setRendition(statement, photoId, rendition));
		}
		catch (DuplicateKeyException ex) {
			// Stored meanwhile, by another request or node.
		}
	}

	private static void setRendition(PreparedStatement statement, long photoId, Renditions.Encoded rendition)
			throws SQLException {
		statement.setLong(1, photoId);
		statement.setString(2, rendition.crop());
		statement.setInt(3, rendition.width());
		statement.setString(4, rendition.format());
		statement.setInt(5, rendition.height());
		statement.setBytes(6, rendition.bytes());
	}

	/**
	 * The first photo with the hash, as its renditions are served for every photo with
	 * it: its id and size, not its original.
	 */
	Optional<FirstPhoto> first(String hash) {
		return this.jdbc
			.query("select id, width, height from photo where hash = ? order by id fetch first 1 rows only",
					(rs, row) -> new FirstPhoto(rs.getLong(1), rs.getInt(2), rs.getInt(3)), hash)
			.stream()
			.findFirst();
	}

	/**
	 * @param width the width of the picture as shown, as {@link Photo#width()}
	 */
	record FirstPhoto(long id, int width, int height) {
	}

	/** The original bytes of a photo, as uploaded. */
	byte[] original(long photoId) {
		return this.jdbc.queryForObject("select original from photo where id = ?", byte[].class, photoId);
	}

	Optional<Photo> find(long id) {
		return findAll(List.of(id)).stream().findFirst();
	}

	/**
	 * The photos of the given ids, in no particular order; unknown ids are left out.
	 */
	List<Photo> findAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		String in = String.join(", ", Collections.nCopies(ids.size(), "?"));
		return withRenditions(this.jdbc.query("select " + COLUMNS + " from photo where id in (" + in + ")",
				PhotoStore::row, ids.toArray()));
	}

	List<Photo> search(String text, int limit) {
		if (text == null || text.isBlank()) {
			return withRenditions(this.jdbc.query(
					"select " + COLUMNS + " from photo order by uploaded_at desc, id desc fetch first ? rows only",
					PhotoStore::row, limit));
		}
		String pattern = "%" + text.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
				+ "%";
		return withRenditions(this.jdbc.query("select " + COLUMNS + " from photo where lower(caption) like ? "
				+ "escape '\\' or lower(credit) like ? escape '\\' order by uploaded_at desc, id desc "
				+ "fetch first ? rows only", PhotoStore::row, pattern, pattern, limit));
	}

	/**
	 * A rendition's bytes by the URL it is served at. Photos uploaded twice share a hash,
	 * and their renditions are the same bytes: the first one answers.
	 * @param crop {@code none}, or the ratio of a crop
	 */
	Optional<byte[]> rendition(String hash, String crop, int width, String format) {
		return this.jdbc
			.query("select r.bytes from photo_rendition r join photo p on p.id = r.photo_id "
					+ "where p.hash = ? and r.crop = ? and r.width = ? and r.format = ? "
					+ "order by p.id fetch first 1 rows only", (rs, row) -> rs.getBytes(1), hash, crop, width, format)
			.stream()
			.findFirst();
	}

	private List<Photo> withRenditions(List<Photo> photos) {
		if (photos.isEmpty()) {
			return photos;
		}
		Map<Long, List<Photo.Rendition>> renditions = new HashMap<>();
		Map<Long, String> hashes = new HashMap<>();
		photos.forEach((photo) -> hashes.put(photo.id(), photo.hash()));
		String in = String.join(", ", Collections.nCopies(photos.size(), "?"));
		this.jdbc
			.query("select photo_id, width, height, format from photo_rendition where crop = 'none' and photo_id in ("
					+ in + ") order by photo_id, width, format desc", (ResultSet rs) -> {
						long id = rs.getLong(1);
						renditions.computeIfAbsent(id, (key) -> new ArrayList<>())
							.add(Photo.Rendition.of(hashes.get(id), rs.getInt(2), rs.getInt(3), rs.getString(4)));
					}, photos.stream().map(Photo::id).toArray());
		return photos.stream()
			.map((photo) -> new Photo(photo.id(), photo.hash(), photo.width(), photo.height(), photo.alt(),
					photo.caption(), photo.credit(), renditions.getOrDefault(photo.id(), List.of())))
			.toList();
	}

	private static Photo row(ResultSet rs, int row) throws SQLException {
		return new Photo(rs.getLong("id"), rs.getString("hash"), rs.getInt("width"), rs.getInt("height"),
				rs.getString("alt_text"), rs.getString("caption"), rs.getString("credit"), List.of());
	}

}
