package org.newswire.photo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newswire.TestPhotos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What an upload must be to be taken, and what of it survives into renditions: checked
 * without the application, as the library checks it before storing anything.
 */
class OriginalTests {

	@Test
	void aPngClaiming50000By50000PixelsIsRefusedFromItsHeaderBeforeDecoding() throws Exception {
		byte[] bomb = bomb(50_000, 50_000);
		assertThat(bomb.length).as("a few KB").isLessThan(8_000);

		assertThatThrownBy(() -> Original.decode(bomb)).isInstanceOf(PhotoRefusedException.class)
			.hasMessage("This picture has 50000 x 50000 pixels, more than the 50 megapixels the desk takes. "
					+ "Upload a smaller version.");
	}

	@Test
	void filesThatAreNotJpegPngOrWebpAreRefusedWhateverTheirName() {
		List<String> impostors = List.of(
				"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect width=\"9\" height=\"9\"/></svg>",
				"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>",
				"#!/bin/sh\nrm -rf /\n", "");
		for (String impostor : impostors) {
			assertThatThrownBy(() -> Original.decode(impostor.getBytes(StandardCharsets.UTF_8)))
				.isInstanceOf(PhotoRefusedException.class)
				.hasMessage("This file is not a JPEG, PNG or WebP picture. Upload a photo in one of those formats.");
		}
	}

	@Test
	void aTruncatedJpegIsRefused() {
		byte[] whole = TestPhotos.jpeg(1200, 800).bytes();
		assertThat(Original.decode(whole).width()).isEqualTo(1200);

		for (int cut : new int[] { whole.length * 2 / 3, whole.length / 3, 700 }) {
			byte[] truncated = Arrays.copyOf(whole, cut);
			assertThatThrownBy(() -> Original.decode(truncated)).as("cut at %d", cut)
				.isInstanceOf(PhotoRefusedException.class)
				.hasMessage("This picture is damaged or incomplete and cannot be read. "
						+ "Upload the file again or export it anew.");
		}
	}

	@Test
	void thePictureComesUprightByItsExifOrientation() {
		Original turned = Original.decode(TestPhotos.jpeg(800, 600).orientation(6).bytes());

		assertThat(turned.width()).isEqualTo(600);
		assertThat(turned.height()).isEqualTo(800);
		BufferedImage picture = turned.picture();
		assertThat(picture.getWidth()).isEqualTo(600);
		// The red corner drawn top left is top right once turned 90 degrees clockwise.
		assertThat(red(picture, picture.getWidth() - 5, 5)).isTrue();
		assertThat(red(picture, 5, 5)).isFalse();
	}

	/**
	 * Every EXIF orientation a camera or phone writes, mirrored ones included, shows the
	 * picture as it was seen: the red corner drawn top left in the stored pixels lands in
	 * the corner the orientation names, and the four that turn it swap width and height.
	 */
	@ParameterizedTest
	@CsvSource({ "1, 800, 600, top left", "2, 800, 600, top right", "3, 800, 600, bottom right",
			"4, 800, 600, bottom left", "5, 600, 800, top left", "6, 600, 800, top right", "7, 600, 800, bottom right",
			"8, 600, 800, bottom left" })
	void everyExifOrientationShowsThePictureAsItWasSeen(int orientation, int width, int height, String corner) {
		Original shown = Original.decode(TestPhotos.jpeg(800, 600).orientation(orientation).bytes());

		assertThat(shown.width()).isEqualTo(width);
		assertThat(shown.height()).isEqualTo(height);
		BufferedImage picture = shown.picture();
		assertThat(picture.getWidth()).isEqualTo(width);
		assertThat(picture.getHeight()).isEqualTo(height);
		int right = width - 5;
		int bottom = height - 5;
		List<String> red = new ArrayList<>();
		if (red(picture, 5, 5)) {
			red.add("top left");
		}
		if (red(picture, right, 5)) {
			red.add("top right");
		}
		if (red(picture, right, bottom)) {
			red.add("bottom right");
		}
		if (red(picture, 5, bottom)) {
			red.add("bottom left");
		}
		assertThat(red).isEqualTo(List.of(corner));
	}

	@Test
	void noGpsPositionOrExifSurvivesIntoAnyRendition() throws Exception {
		byte[] upload = TestPhotos.jpeg(1000, 700).orientation(3).gps().bytes();
		assertThat(ImageMetadataReader.readMetadata(new ByteArrayInputStream(upload))
			.getFirstDirectoryOfType(GpsDirectory.class)).as("the upload has a GPS position").isNotNull();

		Original original = Original.decode(upload);
		List<Renditions.Encoded> renditions = new ArrayList<>(Renditions.render(original));
		renditions.addAll(Renditions.crops(original, "0".repeat(64)));
		assertThat(renditions).extracting(Renditions.Encoded::crop, Renditions.Encoded::width)
			.containsExactly(tuple("none", 320), tuple("none", 320), tuple("none", 640), tuple("none", 640),
					tuple("none", 960), tuple("none", 960), tuple("none", 1000), tuple("none", 1000),
					tuple("16x9", 992), tuple("4x3", 932), tuple("1x1", 700));
		for (Renditions.Encoded rendition : renditions) {
			Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(rendition.bytes()));
			assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
			assertThat(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
		}
	}

	@Test
	void captionAndCreditAreReadFromXmp() {
		Original original = Original
			.decode(TestPhotos.jpeg(640, 480).xmp("Divers inspect the pier's piles.", "Harbour Press").bytes());

		assertThat(original.metadata().caption()).isEqualTo("Divers inspect the pier's piles.");
		assertThat(original.metadata().credit()).isEqualTo("Harbour Press");
	}

	private static boolean red(BufferedImage picture, int x, int y) {
		int rgb = picture.getRGB(x, y);
		return ((rgb >> 16) & 0xFF) > 200 && ((rgb >> 8) & 0xFF) < 60 && (rgb & 0xFF) < 60;
	}

	/**
	 * A PNG whose header claims the given size, with a few KB of compressed zeros as its
	 * data: decoded, it would take 7.5 GB.
	 */
	static byte[] bomb(int width, int height) throws Exception {
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		png.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
		chunk(png, "IHDR",
				ByteBuffer.allocate(13).putInt(width).putInt(height).put(new byte[] { 8, 2, 0, 0, 0 }).array());
		ByteArrayOutputStream zeros = new ByteArrayOutputStream();
		try (DeflaterOutputStream deflate = new DeflaterOutputStream(zeros, new Deflater(9))) {
			deflate.write(new byte[4_000_000]);
		}
		chunk(png, "IDAT", zeros.toByteArray());
		chunk(png, "IEND", new byte[0]);
		return png.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
		byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		png.writeBytes(name);
		png.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

}
