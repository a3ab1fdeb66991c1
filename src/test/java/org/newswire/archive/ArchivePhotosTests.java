package org.newswire.archive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.newswire.article.Paths;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A generated archive with {@code newswire.archive.photo-share}: the share asked of its
 * stories lead with a photo, from a few pictures stored once, their pages show it, its
 * renditions are served, and the article docs/bench/bench.sh measures has one.
 */
@SpringBootTest(
		properties = { "newswire.archive.generate=" + ArchivePhotosTests.STORIES, "newswire.archive.photo-share=0.25" })
@AutoConfigureMockMvc
class ArchivePhotosTests {

	static final int STORIES = 300;

	/**
	 * The first article link of the home page, as bench.sh picks the article it measures.
	 */
	private static final Pattern FIRST_ARTICLE = Pattern.compile("href=\"(/articles/[0-9]+/[^\"#?]*)\"");

	/**
	 * The article's first img src under /media, as bench.sh picks the photo it measures.
	 */
	private static final Pattern FIRST_PHOTO = Pattern.compile("<img src=\"(/media/[^\"]*)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theShareAskedOfTheStoriesLeadWithOneOfAFewStoredPhotos() {
		assertThat(this.jdbc.queryForObject("select count(*) from photo", Integer.class)).isEqualTo(3);
		assertThat(this.jdbc.queryForObject(
				"select count(distinct article_id) from writethru where photo_id is not null", Integer.class))
			.isEqualTo(STORIES / 4);
		assertThat(this.jdbc.queryForObject(
				"select count(distinct article_id) from writethru w where exists (select 1 from writethru o "
						+ "where o.article_id = w.article_id and coalesce(o.photo_id, 0) <> coalesce(w.photo_id, 0))",
				Integer.class))
			.as("stories whose versions differ in their photo")
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(distinct photo_id) from writethru", Integer.class))
			.isEqualTo(3);
	}

	@Test
	void photoStoriesShowTheirPhotoWhoseRenditionsAreServed() throws Exception {
		List<Map<String, Object>> stories = this.jdbc.queryForList("""
				select a.id, a.slug, w.photo_id, p.alt_text from article a join writethru w on w.article_id = a.id
				and w.sequence_number = a.current_sequence left join photo p on p.id = w.photo_id
				where a.id <= 20 order by a.id""");
		Set<String> renditions = new LinkedHashSet<>();
		List<Long> withPhoto = new ArrayList<>();
		for (Map<String, Object> story : stories) {
			long id = ((Number) story.get("id")).longValue();
			Element figure = Jsoup.parse(page(Paths.article(id, (String) story.get("slug"))))
				.selectFirst("article.story figure.story-photo");
			if (story.get("photo_id") == null) {
				assertThat(figure).as("story " + id + " has no photo").isNull();
				continue;
			}
			withPhoto.add(id);
			Element img = figure.selectFirst("picture > source + img");
			assertThat(img.attr("alt")).isEqualTo(story.get("alt_text"));
			renditions.add(img.attr("src"));
			Arrays.stream(img.attr("srcset").split(", "))
				.map((source) -> source.split(" ")[0])
				.forEach(renditions::add);
			Arrays.stream(figure.selectFirst("picture > source[type=image/webp]").attr("srcset").split(", "))
				.map((source) -> source.split(" ")[0])
				.forEach(renditions::add);
		}
		assertThat(withPhoto).containsExactly(4L, 8L, 12L, 16L, 20L);
		assertThat(renditions).as("three 1280 px photos in four widths and two formats").hasSize(3 * 4 * 2);
		for (String rendition : renditions) {
			MockHttpServletResponse response = this.mvc.perform(get(rendition)).andReturn().getResponse();
			assertThat(response.getStatus()).as(rendition).isEqualTo(200);
			assertThat(response.getContentType()).as(rendition).startsWith("image/");
		}
	}

	/**
	 * bench.sh measures the home page's first article link and that article's first
	 * photo: the newest story, which always has one.
	 */
	@Test
	void theArticleTheBenchmarkPicksHasAPhotoThatIsServed() throws Exception {
		Matcher article = FIRST_ARTICLE.matcher(page("/"));
		assertThat(article.find()).as("an article link on the home page").isTrue();
		String slug = this.jdbc.queryForObject("select slug from article where id = ?", String.class, STORIES);
		assertThat(article.group(1)).isEqualTo(Paths.article(STORIES, slug));
		Matcher photo = FIRST_PHOTO.matcher(page(article.group(1)));
		assertThat(photo.find()).as("a photo on the newest story's page").isTrue();
		MockHttpServletResponse response = this.mvc.perform(get(photo.group(1))).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("image/jpeg");
	}

	private String page(String path) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

}
