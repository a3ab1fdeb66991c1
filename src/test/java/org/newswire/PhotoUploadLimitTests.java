package org.newswire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Photo uploads over a real connection, where Tomcat applies the multipart limits: a
 * photo of a few MB goes through, one over 20 MB gets the 413 page rather than a refused
 * CSRF token or a reset connection, and an unknown rendition the 404 page.
 */
@UntrustedClients
class PhotoUploadLimitTests {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void aPhotoOfSeveralMegabytesIsTakenAndOneOver20MegabytesGetsThe413Page() throws Exception {
		EdgeClient.Session session = new EdgeClient(this.port).signIn(UntrustedClients.EDITOR,
				UntrustedClients.PASSWORD);
		byte[] jpeg = TestPhotos.jpeg(1200, 800).bytes();

		HttpResponse<String> taken = upload(session, Arrays.copyOf(jpeg, 3_000_000));
		assertThat(taken.statusCode()).isEqualTo(200);
		Document preview = Jsoup.parse(taken.body());
		assertThat(preview.select(".error-summary")).isEmpty();
		assertThat(preview.selectFirst(".desk-photo img").attr("alt")).isEqualTo(TestPhotos.ALT);

		HttpResponse<String> tooLarge = upload(session, Arrays.copyOf(jpeg, 25_000_000));
		assertThat(tooLarge.statusCode()).isEqualTo(413);
		assertThat(Jsoup.parse(tooLarge.body()).title()).as(tooLarge.body()).startsWith("Upload too large");
	}

	@Test
	void anUnknownRenditionIsThe404Page() {
		HttpResponse<String> answer = new EdgeClient(this.port).get("/media/" + "0".repeat(64) + "/320.jpg");
		assertThat(answer.statusCode()).isEqualTo(404);
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(Jsoup.parse(answer.body()).selectFirst("h1").text()).isEqualTo("Page not found");
	}

	/**
	 * The new-story form as a browser sends it with a photo: text fields, then the file.
	 * Padding after the JPEG's end is ignored by decoders, as it is in files from some
	 * cameras.
	 */
	private HttpResponse<String> upload(EdgeClient.Session session, byte[] file)
			throws IOException, InterruptedException {
		String boundary = "----photo" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		Map<String, String> fields = Map.of("_csrf", session.csrf(), "section", "world", "slugline", "Pier-Upload",
				"source", "NWS", "dateline", TestStories.DATELINE, "urgency", "4", "headline", "Pier reopens", "body",
				"The pier reopened.", "photoAlt", TestPhotos.ALT, "action", "preview");
		fields.forEach((name, value) -> body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(StandardCharsets.UTF_8)));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photoFile\"; "
				+ "filename=\"pier.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/desk/articles/new"))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Cookie", session.cookieHeader())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
