package org.newswire;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.newswire.photo.Photo;
import org.newswire.photo.PhotoLibrary;

/**
 * Pictures for tests, drawn here with Java2D: a JPEG or PNG of any size, with the EXIF
 * orientation, GPS position and XMP caption and credit a camera or agency would write
 * into it. {@code TestPhotos.jpeg(1200, 800).gps().bytes()};
 * {@code TestPhotos.add(library)} stores one as an editor would.
 */
public final class TestPhotos {

	public static final String ALT = "A ferry leaving the harbour pier at dusk";

	public static final String CAPTION = "The ferry leaves Port Ellis pier, Nov. 26.";

	public static final String CREDIT = "Ada Quill / Newswire";

	private TestPhotos() {
	}

	public static Picture jpeg(int width, int height) {
		return new Picture("jpeg", width, height);
	}

	public static Picture png(int width, int height) {
		return new Picture("png", width, height);
	}

	/**
	 * A 1200 x 800 JPEG in the library with {@link #ALT}, {@link #CAPTION} and
	 * {@link #CREDIT}.
	 */
	public static Photo add(PhotoLibrary library) {
		return library.add(new PhotoLibrary.Upload(jpeg(1200, 800).bytes(), "ferry.jpg", CAPTION, CREDIT, ALT), "ada");
	}

	/**
	 * A drawn picture: a sky, a sea, a hull and a label, enough detail for encoders to
	 * work at; its top-left corner is red, so a test can see which way up it came.
	 */
	public static BufferedImage draw(int width, int height) {
		BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = picture.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setPaint(new GradientPaint(0, 0, new Color(0x1f4e79), 0, height * 0.6f, new Color(0xf4b183)));
			g.fillRect(0, 0, width, height);
			g.setPaint(new GradientPaint(0, height * 0.6f, new Color(0x2e75b6), 0, height, new Color(0x0b2545)));
			g.fillRect(0, (int) (height * 0.6), width, height);
			g.setColor(new Color(0x262626));
			g.fillRoundRect(width / 4, (int) (height * 0.5), width / 2, height / 8, height / 20, height / 20);
			g.setColor(Color.WHITE);
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(8, height / 12)));
			g.drawString("NEWSWIRE", width / 10, height / 4);
			g.setColor(Color.RED);
			g.fillRect(0, 0, Math.max(1, width / 10), Math.max(1, height / 10));
		}
		finally {
			g.dispose();
		}
		return picture;
	}

	public static final class Picture {

		private final String format;

		private final int width;

		private final int height;

		private int orientation;

		private boolean gps;

		private String caption;

		private String credit;

		private Picture(String format, int width, int height) {
			this.format = format;
			this.width = width;
			this.height = height;
		}

		/**
		 * An EXIF orientation: 6 says "turn 90 degrees clockwise to show".
		 */
		public Picture orientation(int orientation) {
			this.orientation = orientation;
			return this;
		}

		/**
		 * An EXIF GPS position, as a phone writes where a photo was taken.
		 */
		public Picture gps() {
			this.gps = true;
			return this;
		}

		/**
		 * An XMP dc:description and photoshop:Credit, as an agency writes them.
		 */
		public Picture xmp(String caption, String credit) {
			this.caption = caption;
			this.credit = credit;
			return this;
		}

		public byte[] bytes() {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try {
				ImageIO.write(draw(this.width, this.height), this.format, out);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			byte[] picture = out.toByteArray();
			if (!this.format.equals("jpeg") || (this.orientation == 0 && !this.gps && this.caption == null)) {
				return picture;
			}
			ByteArrayOutputStream with = new ByteArrayOutputStream();
			with.write(picture, 0, 2);
			if (this.orientation != 0 || this.gps) {
				segment(with, exif());
			}
			if (this.caption != null) {
				segment(with, xmpPacket());
			}
			with.write(picture, 2, picture.length - 2);
			return with.toByteArray();
		}

		private static void segment(ByteArrayOutputStream out, byte[] body) {
			out.write(0xFF);
			out.write(0xE1);
			out.write((body.length + 2) >> 8);
			out.write((body.length + 2) & 0xFF);
			out.writeBytes(body);
		}

		/**
		 * "Exif", then a big-endian TIFF header, IFD0 (orientation, pointer to the GPS
		 * IFD) and the GPS IFD (54 degrees N, 10 degrees E).
		 */
		private byte[] exif() {
			ByteBuffer tiff = ByteBuffer.allocate(140);
			tiff.put(new byte[] { 'M', 'M', 0, 42 }).putInt(8);
			tiff.putShort((short) 2);
			tiff.putShort((short) 0x0112)
				.putShort((short) 3)
				.putInt(1)
				.putShort((short) Math.max(1, this.orientation))
				.putShort((short) 0);
			if (this.gps) {
				tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
			}
			else {
				// Software: a second entry keeps the layout, and so the offsets, the
				// same.
				tiff.putShort((short) 0x0131).putShort((short) 2).putInt(4).put(new byte[] { 'J', 'a', 'v', 0 });
			}
			tiff.putInt(0);
			tiff.putShort((short) 4);
			tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] { 'N', 0, 0, 0 });
			tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(92);
			tiff.putShort((short) 3).putShort((short) 2).putInt(2).put(new byte[] { 'E', 0, 0, 0 });
			tiff.putShort((short) 4).putShort((short) 5).putInt(3).putInt(116);
			tiff.putInt(0);
			for (int degrees : new int[] { 54, 10 }) {
				tiff.putInt(degrees).putInt(1).putInt(30).putInt(1).putInt(0).putInt(1);
			}
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			body.writeBytes(new byte[] { 'E', 'x', 'i', 'f', 0, 0 });
			body.writeBytes(tiff.array());
			return body.toByteArray();
		}

		private byte[] xmpPacket() {
			String xml = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
					+ "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description rdf:about=\"\" "
					+ "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
					+ "xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\" photoshop:Credit=\"" + this.credit
					+ "\"><dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + this.caption
					+ "</rdf:li></rdf:Alt></dc:description></rdf:Description></rdf:RDF></x:xmpmeta>";
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			body.writeBytes("http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII));
			body.writeBytes(xml.getBytes(StandardCharsets.UTF_8));
			return body.toByteArray();
		}

	}

}
