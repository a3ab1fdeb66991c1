package org.newswire.photo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.luciad.imageio.webp.WebPImageReaderSpi;

/**
 * An upload checked and decoded once: a JPEG, PNG or WebP by its first bytes, whatever
 * its name says, of at most {@link PhotoLibrary#MAX_PIXELS} by its header, read before a
 * pixel is decoded, and whole: a decoder's warning (a truncated JPEG) refuses it too. The
 * picture comes upright, by its EXIF orientation, on white where it was transparent.
 *
 * @param mime what the first bytes say it is
 * @param width its width as shown, at full size
 * @param height its height as shown
 * @param picture the decoded picture, upright, at full size or a whole fraction of it
 * that is still at least twice as wide as the widest rendition
 * @param metadata what the file says of itself
 */
record Original(String mime, int width, int height, BufferedImage picture, FileMetadata metadata) {

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private static final byte[] RIFF = { 'R', 'I', 'F', 'F' };

	private static final byte[] WEBP = { 'W', 'E', 'B', 'P' };

	/**
	 * Decoding at full size only what renditions need: a photo ten times as wide as the
	 * widest rendition is decoded at a fifth of its size, which saves the heap and the
	 * time its full decode would cost without a visible difference.
	 */
	private static final int DECODE_WIDTH = 2 * Photo.WIDTHS.get(Photo.WIDTHS.size() - 1);

	static Original decode(byte[] bytes) {
		String mime = mime(bytes).orElseThrow(() -> new PhotoRefusedException(
				"This file is not a JPEG, PNG or WebP picture. Upload a photo in one of those formats.", false));
		FileMetadata metadata = FileMetadata.read(bytes);
		ImageReader reader = reader(mime);
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			reader.setInput(input, true, true);
			int storedWidth = reader.getWidth(0);
			int storedHeight = reader.getHeight(0);
			if ((long) storedWidth * storedHeight > PhotoLibrary.MAX_PIXELS) {
				throw new PhotoRefusedException(
						"This picture has " + storedWidth + " x " + storedHeight
								+ " pixels, more than the 50 megapixels the desk takes. Upload a smaller version.",
						false);
			}
			List<String> warnings = new ArrayList<>();
			reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
			ImageReadParam param = reader.getDefaultReadParam();
			int step = Math.max(1, Math.min(storedWidth, storedHeight) / DECODE_WIDTH);
			param.setSourceSubsampling(step, step, 0, 0);
			BufferedImage stored = reader.read(0, param);
			if (!warnings.isEmpty()) {
				throw damaged();
			}
			boolean turned = metadata.orientation() >= 5;
			return new Original(mime, turned ? storedHeight : storedWidth, turned ? storedWidth : storedHeight,
					upright(stored, metadata.orientation()), metadata);
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof PhotoRefusedException refused) {
				throw refused;
			}
			throw damaged();
		}
		finally {
			reader.dispose();
		}
	}

	private static PhotoRefusedException damaged() {
		return new PhotoRefusedException(
				"This picture is damaged or incomplete and cannot be read. Upload the file again or export it anew.",
				false);
	}

	static Optional<String> mime(byte[] bytes) {
		if (startsWith(bytes, 0, JPEG)) {
			return Optional.of("image/jpeg");
		}
		if (startsWith(bytes, 0, PNG)) {
			return Optional.of("image/png");
		}
		if (startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WEBP)) {
			return Optional.of("image/webp");
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] bytes, int offset, byte[] magic) {
		return bytes.length >= offset + magic.length
				&& Arrays.equals(bytes, offset, offset + magic.length, magic, 0, magic.length);
	}

	/**
	 * WebP's reader is made from the library's own provider: a Boot jar's nested jars are
	 * not where ImageIO looks for providers.
	 */
	private static ImageReader reader(String mime) {
		if (mime.equals("image/webp")) {
			return new WebPImageReaderSpi().createReaderInstance(null);
		}
		return ImageIO.getImageReadersByMIMEType(mime).next();
	}

	/**
	 * The picture as EXIF orientation {@code 1} to {@code 8} says it is seen, in RGB. One
	 * that is upright and opaque RGB already, as most JPEGs decode, is not copied.
	 */
	static BufferedImage upright(BufferedImage stored, int orientation) {
		boolean rgb = stored.getType() == BufferedImage.TYPE_3BYTE_BGR
				|| stored.getType() == BufferedImage.TYPE_INT_RGB;
		if (rgb && (orientation < 2 || orientation > 8)) {
			return stored;
		}
		int w = stored.getWidth();
		int h = stored.getHeight();
		AffineTransform transform = switch (orientation) {
			case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
			case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
			case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
			case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
			case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
			case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
			case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
			default -> new AffineTransform();
		};
		boolean turned = orientation >= 5 && orientation <= 8;
		BufferedImage upright = new BufferedImage(turned ? h : w, turned ? w : h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = upright.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, upright.getWidth(), upright.getHeight());
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
			g.drawImage(stored, transform, null);
		}
		finally {
			g.dispose();
		}
		return upright;
	}

}
