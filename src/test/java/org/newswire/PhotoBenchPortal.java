package org.newswire;

import java.util.ArrayList;
import java.util.List;

import org.newswire.article.ArticleSummary;
import org.newswire.article.Listings;
import org.newswire.article.Publishing;
import org.newswire.article.WritethruKind;
import org.newswire.photo.Photo;
import org.newswire.photo.PhotoLibrary;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The portal with photos on its newest stories, for docs/bench (bench.sh, lighthouse.sh)
 * until the demo content has its own: it starts as {@code java -jar} would, with the demo
 * content, then gives the {@value #STORIES} newest stories a lead photo each through
 * {@link PhotoLibrary} and a writethru, as an editor would. Arguments are the portal's
 * own ({@code --server.port=18080}). Run from the test classpath:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.newswire.PhotoBenchPortal}.
 * <p>
 * With {@code --photo-bench.uploads=N} it then uploads N new 4000 x 3000 (12-megapixel)
 * JPEGs through {@link PhotoLibrary#add} and prints the time each took to be decoded,
 * rendered in every width and format and stored, and their 50th and 95th percentiles.
 */
public final class PhotoBenchPortal {

	static final int STORIES = 12;

	private PhotoBenchPortal() {
	}

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(NewswireApplication.class);
		application.addListeners((ApplicationListener<ApplicationReadyEvent>) (event) -> {
			ConfigurableApplicationContext context = event.getApplicationContext();
			illustrate(context);
			int uploads = context.getEnvironment().getProperty("photo-bench.uploads", Integer.class, 0);
			if (uploads > 0) {
				time(context.getBean(PhotoLibrary.class), uploads);
			}
		});
		application.run(args);
	}

	private static void illustrate(ConfigurableApplicationContext context) {
		PhotoLibrary library = context.getBean(PhotoLibrary.class);
		Publishing publishing = context.getBean(Publishing.class);
		List<ArticleSummary> newest = context.getBean(Listings.class).latestWithText(null, null, STORIES);
		for (int i = 0; i < newest.size(); i++) {
			ArticleSummary story = newest.get(i);
			Photo photo = library.add(new PhotoLibrary.Upload(TestPhotos.jpeg(2400 - 40 * i, 1600).bytes(),
					"bench-" + i + ".jpg", "A harbour scene drawn for the benchmark, number " + (i + 1) + ".",
					"Newswire bench", "A ferry at a pier under an evening sky, drawn for the benchmark"), "bench");
			publishing.postWritethru(story.id(), story.current().sequence(),
					new Publishing.WritethruDraft(WritethruKind.WRITETHRU, story.current().headline(),
							story.current().paragraphs(), "Eds: ADDS photo", null, story.byline(), story.urgency(),
							photo.id()),
					"bench");
		}
		System.out.println("photo-bench: " + newest.size() + " stories have a lead photo");
	}

	private static void time(PhotoLibrary library, int uploads) {
		List<Long> millis = new ArrayList<>();
		for (int i = 0; i < uploads; i++) {
			// A new picture each time: the library stores each original once.
			byte[] jpeg = TestPhotos.jpeg(4000, 3000 - i).bytes();
			long start = System.nanoTime();
			library.add(new PhotoLibrary.Upload(jpeg, "twelve-" + i + ".jpg", "Bench upload " + i, "Newswire bench",
					"A drawn harbour scene, upload " + i), "bench");
			millis.add((System.nanoTime() - start) / 1_000_000);
			System.out.println("photo-bench: upload " + (i + 1) + " of 12 MP, " + jpeg.length + " bytes: "
					+ millis.get(i) + " ms");
		}
		List<Long> sorted = millis.stream().sorted().toList();
		System.out.println("photo-bench: " + uploads + " uploads of 12 MP, p50 " + percentile(sorted, 50) + " ms, p95 "
				+ percentile(sorted, 95) + " ms, max " + sorted.get(sorted.size() - 1) + " ms");
	}

	private static long percentile(List<Long> sorted, int p) {
		return sorted.get((int) Math.ceil(p / 100.0 * sorted.size()) - 1);
	}

}
