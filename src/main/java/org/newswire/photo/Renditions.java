package org.newswire.photo;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import com.luciad.imageio.webp.WebPImageWriterSpi;
import com.luciad.imageio.webp.WebPWriteParam;

/**
 * The renditions of a decoded original: at each of {@link Photo#WIDTHS} it is at least as
 * wide as, and at its own width when that is narrower than the widest, never enlarged;
 * each in WebP and JPEG; and its centre crops ({@link Photo#crops()}) in JPEG. All are
 * encoded anew from pixels, so no metadata of the upload (GPS position, camera, EXIF)
 * reaches a reader.
 */
final class Renditions {

	private static final float JPEG_QUALITY = 0.82f;

	private static final float WEBP_QUALITY = 0.80f;

	/**
	 * libwebp's effort, 0 to 6: 2 encodes much faster than its default 4, for files a
	 * little larger (docs/benchmark.md, Photos).
	 */
	private static final int WEBP_METHOD = 2;

	/** The crop of a rendition at the photo's own ratio. */
	static final String NONE = "none";

	private Renditions() {
	}

	/**
	 * One encoded rendition.
	 *
	 * @param crop {@code none} at the photo's own ratio, else one of {@link Photo#CROPS}
	 * @param format {@code webp} or {@code jpg}
	 */
	record Encoded(String crop, int width, int height, String format, byte[] bytes) {
	}

	/**
	 * The widths a photo this wide gets renditions at, narrowest first.
	 */
	static List<Integer> widths(int width) {
		List<Integer> widths = new ArrayList<>(Photo.WIDTHS.stream().filter((w) -> w <= width).toList());
		int widest = Photo.WIDTHS.get(Photo.WIDTHS.size() - 1);
		if (width < widest && !widths.contains(width)) {
			widths.add(width);
		}
		return widths;
	}

	static int height(Original original, int width) {
		return Math.max(1, Math.round((float) original.height() * width / original.width()));
	}

	/**
	 * Every rendition at the photo's own ratio, narrowest first, WebP before JPEG at each
	 * width; each narrower one is scaled from the one above it, which keeps the scaling
	 * cheap. One thread does it all: encoding in parallel gained nothing on a busy
	 * machine and lengthened the slowest uploads (docs/benchmark.md, Photos).
	 */
	static List<Encoded> render(Original original) {
		List<Integer> widths = widths(original.width());
		List<Encoded> encoded = new ArrayList<>();
		BufferedImage source = original.picture();
		for (int i = widths.size() - 1; i >= 0; i--) {
			source = scale(source, widths.get(i), height(original, widths.get(i)));
			encoded.add(0, encoded(NONE, source, "jpg"));
			encoded.add(0, encoded(NONE, source, "webp"));
		}
		return encoded;
	}

	/**
	 * The JPEG centre crops of {@link Photo#crops()}, each cut from the middle of the
	 * picture in its ratio and scaled to its size.
	 */
	static List<Encoded> crops(Original original, String hash) {
		double scale = (double) original.picture().getWidth() / original.width();
		List<Encoded> crops = new ArrayList<>();
		for (String ratio : Photo.CROPS) {
			Photo.Rendition crop = Photo.crop(hash, original.width(), original.height(), ratio);
			if (crop.width() == 0) {
				continue;
			}
			// The largest region of the ratio, in the decoded picture's pixels.
			boolean wider = (long) original.width() * crop.height() > (long) original.height() * crop.width();
			double across = wider ? (double) original.height() * crop.width() / crop.height() : original.width();
			double down = wider ? original.height() : (double) original.width() * crop.height() / crop.width();
			int w = Math.min(original.picture().getWidth(), (int) Math.round(across * scale));
			int h = Math.min(original.picture().getHeight(), (int) Math.round(down * scale));
			BufferedImage region = original.picture()
				.getSubimage((original.picture().getWidth() - w) / 2, (original.picture().getHeight() - h) / 2, w, h);
			crops.add(encoded(ratio, scale(region, crop.width(), crop.height()), "jpg"));
		}
		return crops;
	}

	private static Encoded encoded(String crop, BufferedImage picture, String format) {
		return new Encoded(crop, picture.getWidth(), picture.getHeight(), format,
				format.equals("webp") ? webp(picture) : jpeg(picture));
	}

	/**
	 * Halves the picture while it stays at least twice the target, then scales the rest
	 * bilinearly: one bilinear step over a large factor would skip most pixels and
	 * shimmer.
	 */
	static BufferedImage scale(BufferedImage picture, int width, int height) {
		BufferedImage current = picture;
		while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
			current = halve(current);
		}
		return (current.getWidth() == width && current.getHeight() == height) ? current : draw(current, width, height);
	}

	/**
	 * Half the size, each pixel the mean of the four it stands for, read straight from
	 * the samples of an RGB picture: the step that reads every pixel of a large original,
	 * faster than Java2D's bilinear drawing, which gives the same mean at exactly half.
	 * Pictures in other layouts (grey) are drawn.
	 */
	static BufferedImage halve(BufferedImage picture) {
		int width = picture.getWidth() / 2;
		int height = picture.getHeight() / 2;
		Raster raster = picture.getRaster();
		if (raster.getNumBands() != 3 || raster.getSampleModel().getSampleSize(0) != 8) {
			return draw(picture, width, height);
		}
		BufferedImage half = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		int[] out = ((DataBufferInt) half.getRaster().getDataBuffer()).getData();
		int stride = 2 * width * 3;
		int[] rows = new int[2 * stride];
		for (int y = 0; y < height; y++) {
			raster.getPixels(raster.getMinX(), raster.getMinY() + 2 * y, 2 * width, 2, rows);
			for (int x = 0; x < width; x++) {
				int top = 6 * x;
				int bottom = top + stride;
				int pixel = 0;
				for (int band = 0; band < 3; band++) {
					int sum = rows[top + band] + rows[top + 3 + band] + rows[bottom + band] + rows[bottom + 3 + band];
					pixel = (pixel << 8) | ((sum + 2) >> 2);
				}
				out[y * width + x] = pixel;
			}
		}
		return half;
	}

	private static BufferedImage draw(BufferedImage picture, int width, int height) {
		BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = scaled.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.drawImage(picture, 0, 0, width, height, null);
		}
		finally {
			g.dispose();
		}
		return scaled;
	}

	static byte[] jpeg(BufferedImage picture) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ImageWriteParam param = writer.getDefaultWriteParam();
		param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
		param.setCompressionQuality(JPEG_QUALITY);
		param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
		return write(writer, picture, param);
	}

	/**
	 * The writer is made from the library's own provider, as {@link Original} makes its
	 * reader.
	 */
	static byte[] webp(BufferedImage picture) {
		ImageWriter writer = new WebPImageWriterSpi().createWriterInstance(null);
		WebPWriteParam param = new WebPWriteParam(writer.getLocale());
		param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
		param.setCompressionType("Lossy");
		param.setCompressionQuality(WEBP_QUALITY);
		param.setMethod(WEBP_METHOD);
		return write(writer, picture, param);
	}

	private static byte[] write(ImageWriter writer, BufferedImage picture, ImageWriteParam param) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
			writer.setOutput(output);
			writer.write(null, new IIOImage(picture, null, null), param);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

}
