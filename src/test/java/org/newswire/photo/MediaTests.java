package org.newswire.photo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.imageio.ImageIO;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.exif.GpsDirectory;
import org.junit.jupiter.api.Test;
import org.newswire.TestPhotos;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Renditions are served as immutable images by the hash of their original, whatever the
 * original held.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MediaTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	PhotoLibrary library;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aRenditionIsAnImmutableImageWithAStrongEtagThatAnswers304() throws Exception {
		Photo photo = TestPhotos.add(this.library);
		for (Photo.Rendition rendition : photo.renditions()) {
			MockHttpServletResponse response = this.mvc.perform(get(rendition.url())).andReturn().getResponse();

			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getContentType())
				.isEqualTo(rendition.format().equals("webp") ? "image/webp" : "image/jpeg");
			assertThat(response.getHeaders("Cache-Control")).containsExactly("max-age=31536000, public, immutable");
			assertThat(response.getHeaders("X-Content-Type-Options")).containsExactly("nosniff");
			assertThat(response.getHeader("Set-Cookie")).isNull();
			String etag = response.getHeader("ETag");
			assertThat(etag).isEqualTo("\"" + photo.hash() + "-" + rendition.width() + "-" + rendition.format() + "\"");
			assertThat(Original.mime(response.getContentAsByteArray()))
				.contains(rendition.format().equals("webp") ? "image/webp" : "image/jpeg");

			MockHttpServletResponse again = this.mvc.perform(get(rendition.url()).header("If-None-Match", etag))
				.andReturn()
				.getResponse();
			assertThat(again.getStatus()).isEqualTo(304);
			assertThat(again.getContentAsByteArray()).isEmpty();
			assertThat(again.getHeaders("Cache-Control")).containsExactly("max-age=31536000, public, immutable");
		}
	}

	/**
	 * Served once, a rendition is answered from the node's memory: the database is not
	 * read again for it, which the rendition's row gone from under it shows.
	 */
	@Test
	void aRenditionServedOnceIsAnsweredFromMemory() throws Exception {
		// A size no other test draws: the same picture uploaded twice shares its hash.
		Photo photo = this.library.add(new PhotoLibrary.Upload(TestPhotos.jpeg(1111, 701).bytes(), "memory.jpg",
				TestPhotos.CAPTION, TestPhotos.CREDIT, TestPhotos.ALT), "ada");
		Photo.Rendition rendition = photo.atLeast("webp", 640);
		MockHttpServletResponse first = this.mvc.perform(get(rendition.url())).andReturn().getResponse();
		assertThat(this.jdbc.update("delete from photo_rendition where photo_id = ? and width = ? and format = ?",
				photo.id(), rendition.width(), rendition.format()))
			.isOne();

		// Answered before the security filters and Spring MVC, with the first answer's
		// headers.
		MockHttpServletResponse again = this.mvc.perform(get(rendition.url())).andReturn().getResponse();
		assertThat(again.getStatus()).isEqualTo(200);
		assertThat(again.getContentAsByteArray()).isEqualTo(first.getContentAsByteArray());
		assertThat(headers(again)).isEqualTo(headers(first));
		MockHttpServletResponse notModified = this.mvc
			.perform(get(rendition.url()).header("If-None-Match", first.getHeader("ETag")))
			.andReturn()
			.getResponse();
		assertThat(notModified.getStatus()).isEqualTo(304);
		assertThat(notModified.getContentAsByteArray()).isEmpty();
		assertThat(notModified.getHeader("ETag")).isEqualTo(first.getHeader("ETag"));
		assertThat(notModified.getHeaders("Cache-Control")).containsExactly("max-age=31536000, public, immutable");
		assertThat(notModified.getHeader("Content-Type")).isNull();
	}

	private static Map<String, List<String>> headers(MockHttpServletResponse response) {
		Map<String, List<String>> headers = new TreeMap<>();
		for (String name : response.getHeaderNames()) {
			if (!name.equals("Content-Length")) {
				headers.put(name, response.getHeaders(name));
			}
		}
		return headers;
	}

	/**
	 * Crops are made the first time they are asked for, so photos uploaded before there
	 * were crops get them too; an 800 x 533 original gives each ratio only as wide as it
	 * allows, never enlarged, and no GPS position.
	 */
	@Test
	void cropsOfASmallPhotoAreRenderedWhenFirstAskedForAndServedImmutable() throws Exception {
		Photo photo = this.library.add(new PhotoLibrary.Upload(TestPhotos.jpeg(800, 533).gps().bytes(), "small.jpg",
				TestPhotos.CAPTION, TestPhotos.CREDIT, TestPhotos.ALT), "ada");
		String media = "/media/" + photo.hash() + "/";
		assertThat(photo.crops()).containsExactly(new Photo.Rendition(800, 450, "jpg", media + "16x9/800.jpg"),
				new Photo.Rendition(708, 531, "jpg", media + "4x3/708.jpg"),
				new Photo.Rendition(533, 533, "jpg", media + "1x1/533.jpg"));
		assertThat(crops(photo)).isZero();

		for (Photo.Rendition crop : photo.crops()) {
			MockHttpServletResponse response = this.mvc.perform(get(crop.url())).andReturn().getResponse();
			assertThat(response.getStatus()).as(crop.url()).isEqualTo(200);
			assertThat(response.getContentType()).isEqualTo("image/jpeg");
			assertThat(response.getHeaders("Cache-Control")).containsExactly("max-age=31536000, public, immutable");
			assertThat(response.getHeaders("X-Content-Type-Options")).containsExactly("nosniff");
			String ratio = crop.url().split("/")[3];
			String etag = response.getHeader("ETag");
			assertThat(etag).isEqualTo("\"" + photo.hash() + "-" + ratio + "-" + crop.width() + "-jpg\"");
			byte[] bytes = response.getContentAsByteArray();
			BufferedImage picture = ImageIO.read(new ByteArrayInputStream(bytes));
			assertThat(picture.getWidth()).isEqualTo(crop.width());
			assertThat(picture.getHeight()).isEqualTo(crop.height());
			assertThat(ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes))
				.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
			assertThat(this.mvc.perform(get(crop.url()).header("If-None-Match", etag))
				.andReturn()
				.getResponse()
				.getStatus()).isEqualTo(304);
		}
		assertThat(crops(photo)).as("crops stored for every node").isEqualTo(3);
	}

	@Test
	void cropsOfOtherSizesAreNotFound() throws Exception {
		Photo photo = this.library.add(new PhotoLibrary.Upload(TestPhotos.jpeg(801, 533).bytes(), "small.jpg",
				TestPhotos.CAPTION, TestPhotos.CREDIT, TestPhotos.ALT), "ada");
		String media = "/media/" + photo.hash() + "/";
		for (String path : new String[] { media + "16x9/1200.jpg", media + "16x9/800.webp", media + "2x1/400.jpg",
				media + "1x1/534.jpg", "/media/" + "0".repeat(64) + "/1x1/533.jpg" }) {
			MockHttpServletResponse response = this.mvc.perform(get(path)).andReturn().getResponse();
			assertThat(response.getStatus()).as(path).isEqualTo(404);
		}
		assertThat(crops(photo)).as("crops rendered for sizes the photo has none of").isZero();
	}

	private int crops(Photo photo) {
		return this.jdbc.queryForObject("select count(*) from photo_rendition where photo_id = ? and crop <> 'none'",
				Integer.class, photo.id());
	}

	@Test
	void unknownRenditionsAreNotFound() throws Exception {
		Photo photo = TestPhotos.add(this.library);
		String unknown = "0".repeat(64);
		for (String path : new String[] { "/media/" + unknown + "/320.jpg", "/media/" + photo.hash() + "/321.jpg",
				"/media/" + photo.hash() + "/1600.jpg", "/media/" + photo.hash() + "/320.png",
				"/media/" + photo.hash() + "/99999999999.webp", "/media/nothex/320.jpg", "/media/" + photo.hash() }) {
			MockHttpServletResponse response = this.mvc.perform(get(path)).andReturn().getResponse();
			assertThat(response.getStatus()).as(path).isEqualTo(404);
			assertThat(response.getContentAsByteArray()).as(path).isEmpty();
		}
	}

	@Test
	void aJpegThatIsAlsoHtmlIsServedAsReEncodedImagesOnly() throws Exception {
		byte[] jpeg = TestPhotos.jpeg(400, 300).bytes();
		byte[] html = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.US_ASCII);
		byte[] polyglot = new byte[jpeg.length + html.length];
		System.arraycopy(jpeg, 0, polyglot, 0, jpeg.length);
		System.arraycopy(html, 0, polyglot, jpeg.length, html.length);

		Photo photo = this.library.add(new PhotoLibrary.Upload(polyglot, "p.jpg", null, null, "A pier"), "ada");
		for (Photo.Rendition rendition : photo.renditions()) {
			MockHttpServletResponse response = this.mvc.perform(get(rendition.url())).andReturn().getResponse();
			assertThat(response.getContentType()).startsWith("image/");
			assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(new String(response.getContentAsByteArray(), StandardCharsets.ISO_8859_1))
				.doesNotContain("<script");
		}
	}

}
