package org.newswire.photo;

import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newswire.TestPhotos;
import org.newswire.TestStories;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Publishing;
import org.newswire.article.Stories;
import org.newswire.article.VersionView;
import org.newswire.article.WritethruKind;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The library keeps what an editor uploads with every rendition, and readers are handed a
 * version's lead photo while they may see the story.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PhotoLibraryTests {

	@Autowired
	PhotoLibrary library;

	@Autowired
	Photos photos;

	@Autowired
	Publishing publishing;

	@Autowired
	Stories stories;

	@Autowired
	PhotoStore store;

	@Test
	void anUploadIsKeptWithRenditionsUpToItsOwnWidthInWebpAndJpeg() {
		Photo photo = TestPhotos.add(this.library);

		assertThat(this.photos.find(photo.id())).contains(photo);
		assertThat(photo).extracting(Photo::width, Photo::height, Photo::alt, Photo::caption, Photo::credit)
			.containsExactly(1200, 800, TestPhotos.ALT, TestPhotos.CAPTION, TestPhotos.CREDIT);
		assertThat(photo.renditions())
			.extracting(Photo.Rendition::width, Photo.Rendition::height, Photo.Rendition::format)
			.containsExactly(tuple(320, 213, "webp"), tuple(320, 213, "jpg"), tuple(640, 427, "webp"),
					tuple(640, 427, "jpg"), tuple(960, 640, "webp"), tuple(960, 640, "jpg"), tuple(1200, 800, "webp"),
					tuple(1200, 800, "jpg"));
		assertThat(photo.renditions().get(0).url()).isEqualTo("/media/" + photo.hash() + "/320.webp");
		for (Photo.Rendition rendition : photo.renditions()) {
			byte[] bytes = this.store.rendition(photo.hash(), Renditions.NONE, rendition.width(), rendition.format())
				.orElseThrow();
			assertThat(Original.mime(bytes)).contains(rendition.format().equals("webp") ? "image/webp" : "image/jpeg");
			BufferedImage decoded = Original.decode(bytes).picture();
			assertThat(decoded.getWidth()).isEqualTo(rendition.width());
			assertThat(decoded.getHeight()).isEqualTo(rendition.height());
		}
	}

	@Test
	void aWidePhotoIsRenderedUpTo1600AndNeverEnlarged() {
		Photo wide = this.library.add(
				new PhotoLibrary.Upload(TestPhotos.jpeg(2400, 1600).bytes(), "wide.jpg", "Wide", null, "A pier"),
				"ada");
		Photo small = this.library
			.add(new PhotoLibrary.Upload(TestPhotos.png(200, 100).bytes(), "small.png", null, null, "A buoy"), "ada");

		assertThat(wide.renditions("jpg")).extracting(Photo.Rendition::width)
			.containsExactly(320, 640, 960, 1280, 1600);
		assertThat(small.renditions("webp")).extracting(Photo.Rendition::width, Photo.Rendition::height)
			.containsExactly(tuple(200, 100));
	}

	@Test
	void aVersionsLeadPhotoReachesReadersUntilTheStoryIsHeldOrKilled() {
		Photo photo = TestPhotos.add(this.library);
		ArticleSummary story = TestStories.story().photo(photo.id()).publish(this.publishing);
		ArticleSummary other = TestStories.story().headline("Lighthouse keeper retires").publish(this.publishing);
		ArticleSummary second = TestStories.writethru(WritethruKind.WRITETHRU).post(this.publishing, story);
		Photo later = TestPhotos.add(this.library);
		TestStories.writethru(WritethruKind.WRITETHRU).photo(later.id()).post(this.publishing, second);

		assertThat(this.stories.versions(story.id())).extracting(VersionView::photoId)
			.as("a writethru files its own photo or none")
			.containsExactly(photo.id(), null, later.id());
		Map<Long, Long> leads = new HashMap<>();
		this.stories.current(List.of(story.id(), other.id()))
			.forEach((current) -> leads.put(current.id(), current.current().photoId()));
		assertThat(leads).containsOnly(entry(story.id(), later.id()), entry(other.id(), null));
		assertThat(this.photos.findAll(List.of(photo.id(), later.id(), -1L)))
			.isEqualTo(Map.of(photo.id(), photo, later.id(), later));

		this.publishing.hold(story.id(), "Checking the photo's rights.", "ada");
		assertThat(this.stories.find(story.id()).orElseThrow().current().photoId()).isNull();
		this.publishing.releaseHold(story.id(), "ada");
		assertThat(this.stories.find(story.id()).orElseThrow().current().photoId()).isEqualTo(later.id());

		this.publishing.kill(story.id(), "Withdrawn: wrong pier.", "ada");
		assertThat(this.stories.versions(story.id())).extracting(VersionView::photoId).containsOnlyNulls();
		assertThat(this.stories.find(story.id()).orElseThrow().current().photoId()).isNull();
	}

}
