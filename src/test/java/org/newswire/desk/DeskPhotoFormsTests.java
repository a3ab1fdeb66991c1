package org.newswire.desk;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.newswire.NuHtmlChecker;
import org.newswire.RenderedForm;
import org.newswire.TestPhotos;
import org.newswire.TestStories;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Listings;
import org.newswire.article.Publishing;
import org.newswire.article.Stories;
import org.newswire.article.VersionView;
import org.newswire.photo.Photo;
import org.newswire.photo.PhotoLibrary;
import org.newswire.photo.Photos;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newswire.DeskFixtures.asEditor;
import static org.newswire.DeskFixtures.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A story's lead photo through the desk's own forms: uploaded with its caption, credit
 * and alt text stored to the character, refused with a reason and the rest of the form
 * kept, kept by a writethru unless changed or removed, and picked from the library.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeskPhotoFormsTests {

	private static final String NEW = "/desk/articles/new";

	@Autowired
	MockMvc mvc;

	@Autowired
	Listings listings;

	@Autowired
	Publishing publishing;

	@Autowired
	Stories stories;

	@Autowired
	Photos photos;

	@Autowired
	PhotoLibrary library;

	@Test
	void aNewStorysPhotoIsStoredWithCaptionCreditAndAltTextExactlyAsTyped() throws Exception {
		String slugline = unique("Pier-Photo");
		String caption = "Divers inspect the pier’s piles — “all sound”, Nov. 26 & 27";
		String credit = "Zoë Marsh / Harbour Press";
		String alt = "Two divers in orange suits climb down a ladder beside wooden piles <at low tide>";
		RenderedForm form = story(newStoryForm(), slugline)
			.attach("photoFile", "IMG_2041.jpg", "image/jpeg", TestPhotos.jpeg(1600, 1200).gps().bytes())
			.type("photoCaption", caption)
			.type("photoCredit", credit)
			.type("photoAlt", alt)
			.press("preview");
		Document preview = send(form.request());
		NuHtmlChecker.assertValid("new story preview with a photo", preview.outerHtml());
		assertThat(preview.select(".error-summary")).isEmpty();
		assertThat(preview.selectFirst(".desk-photo img").attr("alt")).isEqualTo(alt);
		Photo uploaded = this.photos.find(Long.parseLong(preview.selectFirst("#photoId").val())).orElseThrow();
		assertThat(previewed(preview)).isEqualTo(shown(uploaded, caption + " " + credit));

		this.mvc.perform(asEditor(RenderedForm.of(preview.outerHtml(), NEW).press("publish").request(), "tam"))
			.andExpect(status().is3xxRedirection());

		VersionView current = stored(slugline).current();
		assertThat(current.photoId()).isEqualTo(uploaded.id());
		Photo photo = this.photos.find(current.photoId()).orElseThrow();
		assertThat(photo.caption()).isEqualTo(caption);
		assertThat(photo.credit()).isEqualTo(credit);
		assertThat(photo.alt()).isEqualTo(alt);
		assertThat(photo.width()).isEqualTo(1600);
		assertThat(this.library.search("PIER’S PILES", 10)).extracting(Photo::id).contains(photo.id());
	}

	@Test
	void aRefusedUploadSaysWhyAndKeepsTheRestOfTheForm() throws Exception {
		List<Refusal> refusals = List.of(
				new Refusal("pier.jpg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8),
						"A pier", "photoFile",
						"This file is not a JPEG, PNG or WebP picture. Upload a photo in one of those formats."),
				new Refusal("page.jpg", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
						"A pier", "photoFile",
						"This file is not a JPEG, PNG or WebP picture. Upload a photo in one of those formats."),
				new Refusal("pier.jpg", TestPhotos.jpeg(800, 600).bytes(), "", "photoAlt",
						"Alt text is required: describe what the photo shows for readers who cannot see it."),
				new Refusal("DSC_0042.jpg", TestPhotos.jpeg(800, 600).bytes(), "DSC_0042", "photoAlt",
						"Alt text must describe the photo, not repeat its file name."));
		for (Refusal refusal : refusals) {
			String slugline = unique("Pier-Refused");
			Document page = send(story(newStoryForm(), slugline)
				.attach("photoFile", refusal.fileName(), "image/jpeg", refusal.bytes())
				.type("photoCaption", "The pier at dawn")
				.type("photoAlt", refusal.alt())
				.press("preview")
				.request());

			assertThat(page.selectFirst("#" + refusal.field() + "-error").text()).as(refusal.fileName())
				.isEqualTo(refusal.message());
			assertThat(page.selectFirst("#slugline").val()).isEqualTo(slugline);
			assertThat(page.selectFirst("#headline").val()).isEqualTo("Pier reopens after the storm");
			assertThat(page.selectFirst("#photoCaption").val()).isEqualTo("The pier at dawn");
			assertThat(page.select("button[value=publish]")).as("nothing to publish yet").isEmpty();
			NuHtmlChecker.assertValid("refused photo", page.outerHtml());
		}
	}

	@Test
	void aWritethruKeepsThePhotoUnlessTheEditorChangesOrRemovesIt() throws Exception {
		Photo first = TestPhotos.add(this.library);
		Photo second = TestPhotos.add(this.library);
		ArticleSummary story = TestStories.story().photo(first.id()).publish(this.publishing);
		String action = "/desk/articles/" + story.id() + "/writethru";

		String words = TestPhotos.CAPTION + " " + TestPhotos.CREDIT;
		assertThat(previewed(
				writethru(action, writethruForm(story.id(), action).type("headline", "Pier reopens, ferries return"))))
			.isEqualTo(shown(first, words));
		assertThat(previewed(writethru(action,
				writethruForm(story.id(), action).type("headline", "Pier reopens").type("photoId", "" + second.id()))))
			.isEqualTo(shown(second, words));
		assertThat(previewed(
				writethru(action, writethruForm(story.id(), action).type("headline", "Pier open").tick("removePhoto"))))
			.as("no photo in the preview of a version without one")
			.isNull();

		assertThat(this.stories.versions(story.id())).extracting(VersionView::photoId)
			.containsExactly(first.id(), first.id(), second.id(), null);
		Document history = RenderedForm.page(this.mvc,
				get(this.stories.find(story.id()).orElseThrow().path() + "/versions"));
		NuHtmlChecker.assertValid("history with photos", history.outerHtml());
		assertThat(history.select(".history-versions > li")).extracting((item) -> {
			var img = item.selectFirst(".history-photo img");
			return (img != null) ? img.attr("src") + " " + img.attr("alt")
					: item.selectFirst(".history-no-photo").text();
		})
			.containsExactly("No photo.", second.renditions("jpg").get(0).url() + " " + second.alt(),
					first.renditions("jpg").get(0).url() + " " + first.alt(),
					first.renditions("jpg").get(0).url() + " " + first.alt());
	}

	@Test
	void anUnknownPhotoNumberIsRefused() throws Exception {
		Document page = send(
				story(newStoryForm(), unique("Pier-Number")).type("photoId", "999999999").press("preview").request());
		assertThat(page.selectFirst("#photoId-error").text())
			.isEqualTo("There is no photo with this number in the library.");
	}

	@Test
	void aPhotoPickedInTheLibraryStartsANewStory() throws Exception {
		String caption = "Lighthouse at " + unique("Cape");
		Photo photo = this.library.add(new PhotoLibrary.Upload(TestPhotos.jpeg(900, 600).bytes(), "cape.jpg", caption,
				"Newswire", "A white lighthouse on a rocky cape"), "ada");
		Document library = send(
				RenderedForm.select(send(get("/desk/photos")).outerHtml(), "form[role=search]:not(.site-search)")
					.type("q", caption.toUpperCase())
					.request());
		NuHtmlChecker.assertValid("photo library", library.outerHtml());
		assertThat(library.select(".photo-library figcaption strong")).extracting((number) -> number.text())
			.containsExactly("Photo " + photo.id());

		String use = library.selectFirst(".photo-library a").attr("href");
		Document form = send(get(use));
		assertThat(form.selectFirst("#photoId").val()).isEqualTo(String.valueOf(photo.id()));
		assertThat(form.selectFirst(".desk-photo img").attr("alt")).isEqualTo("A white lighthouse on a rocky cape");
	}

	private RenderedForm newStoryForm() throws Exception {
		return RenderedForm.of(send(get(NEW)).outerHtml(), NEW);
	}

	private static RenderedForm story(RenderedForm form, String slugline) {
		return form.choose("section", "world")
			.type("slugline", slugline)
			.choose("source", "NWS")
			.type("dateline", "PORT ELLIS, Nov. 26 (Newswire) --")
			.type("headline", "Pier reopens after the storm")
			.type("body", "The pier reopened on Thursday.");
	}

	private RenderedForm writethruForm(long id, String action) throws Exception {
		return RenderedForm.of(send(get("/desk/articles/{id}/writethru", id)).outerHtml(), action)
			.type("ednote", "Eds: UPDATES");
	}

	/**
	 * Previews, then publishes, the writethru; returns the preview.
	 */
	private Document writethru(String action, RenderedForm form) throws Exception {
		Document preview = send(form.press("preview").request());
		assertThat(preview.select(".error-summary")).isEmpty();
		this.mvc.perform(asEditor(RenderedForm.of(preview.outerHtml(), action).press("publish").request(), "tam"))
			.andExpect(status().is3xxRedirection());
		return preview;
	}

	/**
	 * What the preview box shows of its photo, in the order it shows it, or {@code null}
	 * for none: the article page's picture, sizes and caption line.
	 */
	private static List<String> previewed(Document preview) {
		Element figure = preview.selectFirst("section.preview .preview-article figure.preview-photo");
		if (figure == null) {
			return null;
		}
		Element source = figure.selectFirst("picture > source[type=image/webp]");
		Element img = figure.selectFirst("picture > source + img");
		return List.of(source.attr("srcset"), source.attr("sizes"), img.attr("src"), img.attr("srcset"),
				img.attr("width") + " x " + img.attr("height"), img.attr("alt"), img.attr("fetchpriority"),
				figure.selectFirst("figcaption").text());
	}

	private static List<String> shown(Photo photo, String words) {
		String sizes = "(min-width: 46rem) 44rem, calc(100vw - 2rem)";
		return List.of(photo.srcset("webp"), sizes, photo.atLeast("jpg", 640).url(), photo.srcset("jpg"),
				photo.width() + " x " + photo.height(), photo.alt(), "high", words);
	}

	private ArticleSummary stored(String slugline) {
		return this.listings.latestWithText("world", null, 50)
			.stream()
			.filter((story) -> story.slugline().equals(slugline))
			.findFirst()
			.orElseThrow();
	}

	private Document send(MockHttpServletRequestBuilder request) throws Exception {
		return RenderedForm.page(this.mvc.perform(asEditor(request, "tam")));
	}

	private record Refusal(String fileName, byte[] bytes, String alt, String field, String message) {
	}

}
