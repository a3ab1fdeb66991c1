package org.newswire.desk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.standardwebhooks.Webhook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newswire.BrowserTestBase;
import org.newswire.DeskFixtures;
import org.newswire.NewswireProperties;
import org.newswire.TestPhotos;
import org.newswire.TestStories;
import org.newswire.article.ArticleSummary;
import org.newswire.article.EditorialListing;
import org.newswire.article.EditorialListing.ScheduledVersion;
import org.newswire.article.Publishing;
import org.newswire.article.Publishing.WritethruDraft;
import org.newswire.article.Stories;
import org.newswire.article.Urgency;
import org.newswire.article.VersionView;
import org.newswire.article.WritethruKind;
import org.newswire.clients.ClientAccounts;
import org.newswire.photo.Photo;
import org.newswire.photo.Photos;
import org.newswire.push.Receiver;
import org.newswire.ticker.Headline;
import org.newswire.ticker.TickerService;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every desk form filled in headless Chromium as an editor fills it (click into a field,
 * clear it, type; choose from the lists; press the form's own buttons), then what is
 * stored and what readers and the desk are shown compared, character for character, with
 * what was typed. Issue 17 got past comparisons with {@code contains}: each text field
 * came with a second control of the same name, and "Headline" was stored as "Headline,,".
 * The text is chosen to catch joining and encoding slips: commas, curly and straight
 * quotes, ampersands, accented letters and em dashes. Accounts are read as their rows
 * hold them, since the accounts module keeps its types to itself. The class adds no
 * context configuration, so it runs in the one context and the one browser of the other
 * browser tests.
 */
class DeskFormsBrowserTest extends BrowserTestBase {

	private static final String ADMIN = "desk-admin";

	private static final String ADMIN_PASSWORD = "browser-test-password";

	private static final DateTimeFormatter STAMP_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z",
			Locale.ENGLISH);

	/** What a {@code datetime-local} control with {@code step="1"} holds. */
	private static final DateTimeFormatter CONTROL_VALUE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

	private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

	/**
	 * The order in which the browser's locale writes a date and time ("month day year
	 * hour minute second dayPeriod" in en-US), which is the order of the segments of its
	 * {@code datetime-local} control.
	 */
	private static final String SEGMENT_ORDER = "return new Intl.DateTimeFormat(navigator.language, {year: 'numeric',"
			+ " month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit'})"
			+ ".formatToParts(new Date()).map(function (p) { return p.type; })"
			+ ".filter(function (t) { return t !== 'literal'; });";

	@Autowired
	Publishing publishing;

	@Autowired
	Stories stories;

	@Autowired
	ClientAccounts clients;

	@Autowired
	Photos photos;

	@Autowired
	EditorialListing listing;

	@Autowired
	TickerService ticker;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	NewswireProperties properties;

	@BeforeEach
	void signedOut() {
		// Other browser tests leave the shared browser signed in.
		browser().executeCdpCommand("Network.clearBrowserCookies", Map.of());
	}

	@Test
	void aNewStoryIsStoredAndShownExactlyAsTyped() throws IOException {
		signIn(ADMIN, ADMIN_PASSWORD);
		String slugline = DeskFixtures.unique("Étoile-Ferry");
		String dateline = "SAINT-ÉLOI, Nov. 26 (Harbour Press) --";
		String byline = "By Zoë O’Hara, “Harbour” desk & Luís Peña";
		String headline = "Ferry “Étoile” sails again, fares up — café & kiosk reopen";
		List<String> paragraphs = List.of(
				"The ferry “Étoile” left the quay at 6:10, on time — the first sailing since March.",
				"Fares rise 5% for adults, 3% for children; the café & kiosk reopen \"next week,\" the operator said.",
				"Crews in Saint-Éloi, Port Ellis and Brière welcomed the news.");
		String ednote = "Eds: Moves under embargo, with “quotes”, commas & accents — café, Zoë.";
		LocalDateTime embargo = LocalDate.now(zone()).plusDays(9).atTime(21, 47, 35);
		Instant embargoUntil = embargo.atZone(zone()).toInstant();

		newScienceStory(slugline, dateline);
		type("byline", byline);
		choose("urgency", "Urgent (3)");
		typeTime("embargoUntil", embargo);
		type("headline", headline);
		type("body", String.join("\n\n", paragraphs));
		type("ednote", ednote);
		screenshot("desk-new-story.png");
		press("button[value=preview]");
		assertThat(text(".preview-headline")).isEqualTo(headline);
		assertThat(text(".preview-meta")).isEqualTo(dateline + " " + byline);
		assertThat(texts(".preview-article p:not([class])")).isEqualTo(paragraphs);
		assertThat(text(".embargo-note")).isEqualTo("Under embargo until " + stamp(embargoUntil)
				+ ": only the desk sees it until then, and it goes out by itself at that moment.");
		press("button[value=publish]");

		long id = Long.parseLong(path().substring("/desk/articles/".length()));
		assertThat(text("[role=status]")).isEqualTo("Filed under embargo: " + headline + ".");
		assertThat(text("h1")).isEqualTo(headline);
		assertThat(text(".meta")).isEqualTo("Slugline " + slugline + " · Science · version 1 is current");
		assertThat(text(".embargo-status time")).isEqualTo(stamp(embargoUntil));
		ArticleSummary filed = this.listing.story(id).orElseThrow();
		assertThat(filed.section().code()).isEqualTo("science");
		assertThat(filed.slugline()).isEqualTo(slugline);
		assertThat(filed.source().code()).isEqualTo("HBR");
		assertThat(filed.dateline()).isEqualTo(dateline);
		assertThat(filed.byline()).isEqualTo(byline);
		assertThat(filed.urgency()).isEqualTo(Urgency.URGENT);
		assertThat(filed.embargoUntil()).isEqualTo(embargoUntil);
		assertThat(filed.current().headline()).isEqualTo(headline);
		assertThat(filed.current().paragraphs()).isEqualTo(paragraphs);
		assertThat(filed.current().ednote()).isEqualTo(ednote);

		// Released by hand, so readers can be shown it now rather than in nine days.
		press("form[action$='/embargo/release'] button");
		assertOn("/desk");
		assertThat(text("[role=status] > span")).isEqualTo("Published: " + headline + ".");
		ArticleSummary published = this.stories.find(id).orElseThrow();
		open(published.path());
		assertThat(text("h1")).isEqualTo(headline);
		assertThat(text(".source-date"))
			.isEqualTo("Harbour Press, " + LONG_DATE.withZone(zone()).format(published.firstPublishedAt()));
		assertThat(text(".byline")).isEqualTo(byline);
		assertThat(texts(".story-body p")).isEqualTo(asShown(dateline, paragraphs, "Enditem"));
		assertThat(textOnOneLine(".ednote")).isEqualTo("Editor’s note: " + ednote);
		assertThat(tickerItem(published.path())).isEqualTo(headline);
		open("/desk/ticker");
		assertThat(row(String.valueOf(id), 2).subList(0, 3)).isEqualTo(List.of(headline, "Urgent", String.valueOf(id)));
	}

	@Test
	void aPhotoIsUploadedThroughTheFormAndItsWordsShownExactlyAsTyped() throws IOException {
		signIn(ADMIN, ADMIN_PASSWORD);
		String slugline = DeskFixtures.unique("Pier-Photo");
		String headline = "Pier lights return for the winter — “Étoile” berth first";
		String alt = "Lamps strung along the pier railing above dark water, the ferry “Étoile” moored beside";
		String caption = "Pier lights at Saint-Éloi, Nov. 26 — the first evening since March.";
		String credit = "Zoë O’Hara / Harbour Press";
		Path file = Files.createTempFile("pier-lights", ".jpg");
		Files.write(file, TestPhotos.jpeg(1600, 1000).bytes());

		newScienceStory(slugline, "SAINT-ÉLOI, Nov. 26 (Harbour Press) --");
		choose("urgency", "Routine (4)");
		type("headline", headline);
		type("body", "The lights along the pier came on at dusk.");
		browser().findElement(By.id("photoFile")).sendKeys(file.toAbsolutePath().toString());
		type("photoAlt", alt);
		type("photoCaption", caption);
		type("photoCredit", credit);
		press("button[value=preview]");
		assertThat(text(".photo-fields figcaption .alt span:last-child")).isEqualTo(alt);
		assertThat(text(".photo-fields figcaption .credit")).isEqualTo(credit);
		press("button[value=publish]");

		long id = this.jdbc.queryForObject("select id from article where slugline = ?", Long.class, slugline);
		ArticleSummary published = this.stories.find(id).orElseThrow();
		Photo photo = this.photos.find(published.current().photoId()).orElseThrow();
		assertThat(List.of(photo.alt(), photo.caption(), photo.credit())).isEqualTo(List.of(alt, caption, credit));
		assertThat(List.of(photo.width(), photo.height())).isEqualTo(List.of(1600, 1000));
		open(published.path());
		WebElement image = browser().findElement(By.cssSelector("figure.story-photo img"));
		assertThat(image.getAttribute("alt")).isEqualTo(alt);
		assertThat(text("figure.story-photo figcaption")).isEqualTo(caption + " " + credit);
		assertThat(text("figure.story-photo .photo-credit")).isEqualTo(credit);
		Files.delete(file);
	}

	@Test
	void everyKindOfWritethruIsStoredAndShownExactlyAsTyped() throws IOException {
		long id = story("Ferry “Étoile” sails again").id();
		List<TypedWritethru> writethrus = List.of(
				new TypedWritethru(WritethruKind.LD_WRITETHRU, "LD Writethru",
						"Ferry “Étoile” adds a night sailing, café stays open — late & quiet",
						"Eds: UPDATES with night sailing, “late” fares & café hours — new lead", null, "By Zoë O’Hara",
						"Routine (4)", Urgency.ROUTINE,
						List.of("A night sailing leaves Saint-Éloi at 23:40 — the first in years.",
								"The café & kiosk stay open until the last \"late\" boat, crews said.")),
				new TypedWritethru(WritethruKind.WRITETHRU, "Writethru",
						"Night ferry “Étoile” sails full, crews say — café & quay busy",
						"Eds: Rewrites throughout, with quotes from Zoë O’Hara — “calm” & clear", null, "By Zoë O’Hara",
						"Daily (5)", Urgency.DAILY,
						List.of("Every seat on the night ferry was taken, crews said — a “good sign”.",
								"Fares, timetables & café hours stay as announced.")),
				new TypedWritethru(WritethruKind.CORRECTS, "Correction",
						"Night ferry “Étoile” sails full from Quai Brière, crews say",
						"Eds: Corrects name of quay, “Quai Brière”, in 2nd para",
						"Corrects the name of the quay to Quai Brière, not “Brière Quay” — fares & times unchanged.",
						"By Zoë O’Hara", "Daily (5)", Urgency.DAILY,
						List.of("Every seat on the night ferry was taken, crews said — a “good sign”.",
								"The ferry leaves from Quai Brière; fares & café hours stay as announced.")),
				new TypedWritethru(WritethruKind.ADDS, "Adds",
						"Night ferry “Étoile” sails full from Quai Brière, crews say — more sailings",
						"Eds: Adds byline, background — “history” & café", null, "By Zoë O’Hara & Luís Peña",
						"Daily (5)", Urgency.DAILY,
						List.of("Every seat on the night ferry was taken, crews said — a “good sign”.",
								"The ferry leaves from Quai Brière; fares & café hours stay as announced.",
								"The route, opened in 1911, last ran at night in 2004, before the café closed.")));
		List<String> corrections = new ArrayList<>();
		signIn(ADMIN, ADMIN_PASSWORD);
		for (TypedWritethru writethru : writethrus) {
			open("/desk/articles/" + id + "/writethru");
			writethru.fillIn(this);
			press("button[value=preview]");
			String labelled = writethru.label() + ": " + writethru.headline();
			assertThat(text("#next-label")).isEqualTo(writethru.label());
			assertThat(text(".preview-headline")).isEqualTo(labelled);
			assertThat(text(".preview-article .ednote")).isEqualTo(writethru.ednote());
			assertThat(texts(".preview-article p:not([class])")).isEqualTo(writethru.paragraphs());
			if (writethru.kind() == WritethruKind.LD_WRITETHRU) {
				screenshot("desk-writethru.png");
			}
			press("button[value=publish]");
			assertOn("/desk");
			assertThat(text("[role=status] > span")).isEqualTo("Published: " + labelled + ".");

			ArticleSummary stored = this.stories.find(id).orElseThrow();
			VersionView current = stored.current();
			assertThat(current.kind()).isEqualTo(writethru.kind());
			assertThat(current.label()).isEqualTo(writethru.label());
			assertThat(current.headline()).isEqualTo(writethru.headline());
			assertThat(current.ednote()).isEqualTo(writethru.ednote());
			assertThat(current.correctionNote()).isEqualTo(writethru.correctionNote());
			assertThat(current.paragraphs()).isEqualTo(writethru.paragraphs());
			assertThat(stored.byline()).isEqualTo(writethru.byline());
			assertThat(stored.urgency()).isEqualTo(writethru.urgency());

			open(stored.path());
			assertThat(textOnOneLine("h1")).isEqualTo(labelled);
			assertThat(text(".byline")).isEqualTo(writethru.byline());
			assertThat(textOnOneLine(".ednote")).isEqualTo("Editor’s note: " + writethru.ednote());
			assertThat(texts(".story-body p"))
				.isEqualTo(asShown(TestStories.DATELINE, writethru.paragraphs(), stored.source().endMarker()));
			if (writethru.correctionNote() != null) {
				corrections.add("Correction: " + writethru.correctionNote());
			}
			// A correction stays in front of readers through the writethrus after it.
			assertThat(texts(".correction p")).isEqualTo(corrections);
		}
		TypedWritethru last = writethrus.get(writethrus.size() - 1);
		assertThat(tickerItem(this.stories.find(id).orElseThrow().path()))
			.isEqualTo(last.label() + ": " + last.headline());
	}

	@Test
	void aScheduledWritethruKeepsItsTextAndReleaseTimeExactlyAsTyped() {
		long id = story("Quai Brière timetable for the winter").id();
		LocalDateTime release = LocalDate.now(zone()).plusDays(4).atTime(6, 15, 42);
		Instant releaseAt = release.atZone(zone()).toInstant();
		TypedWritethru writethru = new TypedWritethru(WritethruKind.LD_WRITETHRU, "LD Writethru",
				"Quai Brière winter timetable: first ferry at 6:15, café & kiosk open — “on time”",
				"Eds: UPDATES with winter timetable, café hours — moves at 6:15", null, "By Luís Peña",
				"Weekday advance (7)", Urgency.WEEKDAY_ADVANCE,
				List.of("The first winter ferry leaves Quai Brière at 6:15 — “on time, every day,” crews said.",
						"The café & kiosk open at 5:45, with fares unchanged."));
		signIn(ADMIN, ADMIN_PASSWORD);
		open("/desk/articles/" + id + "/writethru");
		writethru.fillIn(this);
		typeTime("releaseAt", release);
		press("button[value=preview]");
		assertThat(text(".preview .embargo-note"))
			.isEqualTo("Goes out by itself at " + stamp(releaseAt) + ", if version 1 is still current then.");
		assertThat(text("button[value=publish]")).isEqualTo("Schedule");
		press("button[value=publish]");
		assertOn("/desk/articles/" + id);
		assertThat(text("[role=status]"))
			.isEqualTo("Scheduled: " + writethru.headline() + ". It goes out by itself at its time.");

		List<ScheduledVersion> waiting = this.listing.openScheduled(id);
		assertThat(waiting).hasSize(1);
		ScheduledVersion stored = waiting.get(0);
		assertThat(stored.releaseAt()).isEqualTo(releaseAt);
		assertThat(stored.baseSequence()).isEqualTo(1);
		assertThat(stored.draft()).isEqualTo(new WritethruDraft(writethru.kind(), writethru.headline(),
				writethru.paragraphs(), writethru.ednote(), null, writethru.byline(), writethru.urgency()));
		String item = "#scheduled-" + stored.id();
		assertThat(text(item + " .preview-headline")).isEqualTo(writethru.headline());
		assertThat(text(item + " time")).isEqualTo(stamp(releaseAt));
		assertThat(this.stories.find(id).orElseThrow().current().sequence()).as("published before its time")
			.isEqualTo(1);
	}

	@Test
	void aTickerHeadlineIsStoredAndShownExactlyAsTyped() throws IOException {
		ArticleSummary story = story("Lighthouse on Île Brière relit");
		String text = "Île Brière lighthouse relit, “first time since 1998” — keepers, café & quay cheer";
		signIn(ADMIN, ADMIN_PASSWORD);
		open("/desk/ticker");
		type("text", text);
		choose("urgency", "Daily (5)");
		type("articleId", String.valueOf(story.id()));
		press("main form.desk-form button[type=submit]");
		assertOn("/desk/ticker");
		assertThat(text("[role=status]")).isEqualTo("Posted: " + text);
		assertThat(row(text, 0).subList(0, 3)).isEqualTo(List.of(text, "Daily", String.valueOf(story.id())));
		screenshot("desk-ticker.png");

		Headline stored = this.ticker.latest()
			.stream()
			.filter((headline) -> Long.valueOf(story.id()).equals(headline.getArticleId()))
			.findFirst()
			.orElseThrow();
		assertThat(stored.getText()).isEqualTo(text);
		assertThat(stored.getUrgency()).isEqualTo(Urgency.DAILY);
		assertThat(stored.getEditor()).isEqualTo(ADMIN);
		assertThat(tickerItem(story.path())).isEqualTo(text);
	}

	@Test
	void aHeldStoryShowsTheHoldNoteExactlyAsTyped() throws IOException {
		ArticleSummary story = story("Harbour toll rises at Saint-Éloi");
		String note = "Toll figures, “5% & 3%”, are being checked with the port — Zoë O’Hara, café desk.";
		signIn(ADMIN, ADMIN_PASSWORD);
		open("/desk/articles/" + story.id() + "/hold");
		type("note", note);
		screenshot("desk-hold.png");
		press("main form.desk-form button[type=submit]");
		assertOn("/desk");
		assertThat(text("[role=status]")).isEqualTo("On hold: " + story.current().headline() + ".");

		ArticleSummary held = this.stories.find(story.id()).orElseThrow();
		assertThat(held.held()).as("on hold").isTrue();
		assertThat(held.holdNote()).isEqualTo(note);
		open(held.path());
		assertThat(text(".hold-notice p:first-child"))
			.isEqualTo("This story is on hold while facts are checked: " + note);
		assertThat(texts(".story-body p")).as("the story's text while it is on hold").isEmpty();
	}

	@Test
	void aNewEditorSignsInWithThePasswordTheAdminTyped() throws IOException {
		String username = DeskFixtures.unique("night.desk");
		String password = "Quai Brière, “night” shift & café — 23:40";
		signIn(ADMIN, ADMIN_PASSWORD);
		open("/desk/editors");
		press(By.linkText("New editor"));
		type("username", username);
		browser().findElement(By.cssSelector("input[name=role][value=EDITOR]")).click();
		type("password", password);
		press("main form.desk-form button[type=submit]");
		assertOn("/desk/editors");
		assertThat(text("[role=status]")).isEqualTo("Account " + username + " created.");
		assertThat(row(username, 0).subList(0, 3)).isEqualTo(List.of(username, "Editor", "Active"));
		screenshot("desk-editors.png");

		StoredAccount stored = account(username);
		assertThat(stored.role()).isEqualTo("EDITOR");
		assertThat(this.passwords.matches(password, stored.passwordHash())).as("the typed password is stored").isTrue();

		signOut();
		signIn(username, password);
	}

	@Test
	void aNewPasswordSignsInAndTheOldOneNoLonger() {
		String username = DeskFixtures.unique("day.desk");
		String old = "Saint-Éloi day shift, 06:00";
		String typed = "Île Brière, “day” shift & café — 06:15";
		this.jdbc.update("insert into editor (username, password_hash, role, enabled, created_at) "
				+ "values (?, ?, 'EDITOR', true, current_timestamp)", username, this.passwords.encode(old));
		signIn(ADMIN, ADMIN_PASSWORD);
		open("/desk/editors");
		press(By.cssSelector("a[aria-label='Set a new password for " + username + "']"));
		assertThat(text("h1")).isEqualTo("New password for " + username);
		type("password", typed);
		press("main form.desk-form button[type=submit]");
		assertOn("/desk/editors");
		assertThat(text("[role=status]")).isEqualTo("New password set for " + username + ".");
		String hash = account(username).passwordHash();
		assertThat(this.passwords.matches(typed, hash)).as("the typed password is stored").isTrue();
		assertThat(this.passwords.matches(old, hash)).as("the old password is gone").isFalse();

		signOut();
		submitSignIn(username, old);
		assertOn("/desk/login");
		assertThat(text("#login-error")).isEqualTo("Wrong user name or password, or the account is disabled.");
		signIn(username, typed);
	}

	@Test
	void aWireClientAndItsKeyAreStoredAndShownExactlyAsTyped() throws Exception {
		signIn(ADMIN, ADMIN_PASSWORD);
		String name = DeskFixtures.unique("Harbour Daily — «Süd», Zoë & Co.");
		String contact = "Zoë O’Hara <desk@harbour.example>, +44 20 7946 0000";
		open("/desk");
		press("a[href='/desk/clients']");
		type("name", name);
		type("contact", contact);
		browser().findElement(By.cssSelector("label[for=sections1]")).click();
		browser().findElement(By.cssSelector("label[for=sections3]")).click();
		browser().findElement(By.cssSelector("label[for=embargoAhead1]")).click();
		type("requestsPerMinute", "90");
		press("main form[action='/desk/clients'] button[type=submit]");
		assertThat(text("h1")).isEqualTo(name);
		assertThat(text("p[role=status]")).isEqualTo("Client " + name + " created. Issue it a key below.");
		assertThat(browser().findElement(By.id("name")).getDomProperty("value")).isEqualTo(name);
		assertThat(browser().findElement(By.id("contact")).getDomProperty("value")).isEqualTo(contact);
		assertThat(browser().findElement(By.id("requestsPerMinute")).getDomProperty("value")).isEqualTo("90");
		assertThat(browser().findElements(By.cssSelector("input[name=sections]:checked"))
			.stream()
			.map((box) -> box.getDomProperty("value"))
			.toList()).isEqualTo(List.of("world", "technology"));
		assertThat(browser().findElement(By.id("embargoAhead1")).isSelected()).isTrue();

		LocalDateTime expiry = LocalDate.now(zone()).plusDays(30).atTime(17, 45, 30);
		typeTime("expiresAt", expiry);
		press("main form[action$='/keys'] button[type=submit]");
		String key = text("#issued-key");
		assertThat(text("#issued-title")).isEqualTo("New key " + key.substring(4, 16));
		assertThat(row(key.substring(4, 16), 0).get(2)).isEqualTo(stamp(expiry.atZone(zone()).toInstant()));
		screenshot("desk-clients.png");
		HttpResponse<String> account = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url("/api/v1/account")))
				.header("Authorization", "Bearer " + key)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(account.statusCode()).isEqualTo(200);
		assertThat(new JsonMapper().readTree(account.body()).get("name").asString()).isEqualTo(name);
		open(path());
		assertThat(browser().findElements(By.id("issued-key"))).isEmpty();
	}

	/**
	 * An admin adds a webhook endpoint to a client as a person does, keeps the secret the
	 * page shows once, and sees the story that follows delivered, signed with that
	 * secret, in the endpoint's delivery log.
	 */
	@Test
	void aWebhookEndpointIsStoredAsTypedAndItsDeliveriesAreLogged() throws Exception {
		long client = this.clients.create(new ClientAccounts.NewClient(DeskFixtures.unique("Quayside Radio"),
				"news@quayside.example", Set.of("world"), false, 120), "desk-admin");
		try (Receiver receiver = new Receiver()) {
			signIn(ADMIN, ADMIN_PASSWORD);
			open("/desk/clients/" + client);
			press("#endpoints");
			press("main a[href$='/endpoints/new']");
			type("url", receiver.url().toString());
			for (String unwanted : List.of("withheld", "released", "embargoed", "embargo-lifted")) {
				browser().findElement(By.xpath("//label[text()='" + unwanted + "']")).click();
			}
			browser().findElement(By.xpath("//label[text()='ninjs 3.0']")).click();
			press("main form button[type=submit]");
			String secret = text("#secret");
			assertThat(secret).startsWith("whsec_");
			press("main a[href*='/endpoints/']");

			assertThat(browser().findElement(By.id("url")).getDomProperty("value"))
				.isEqualTo(receiver.url().toString());
			assertThat(browser().findElements(By.cssSelector("input[name=changes]:checked"))
				.stream()
				.map((box) -> box.getDomProperty("value"))
				.toList()).isEqualTo(List.of("published", "writethru", "correction", "canceled"));
			assertThat(browser().findElement(By.cssSelector("input[name=format]:checked")).getDomProperty("value"))
				.isEqualTo("NINJS_3");

			ArticleSummary story = story("Ferry link to the islands reopens");
			Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> receiver.requests().size() == 1);
			Receiver.Request delivered = receiver.requests().get(0);
			new Webhook(secret).verify(delivered.body(), delivered.headers());
			assertThat(new JsonMapper().readTree(delivered.body())
				.get("item")
				.get("headlines")
				.get(0)
				.get("value")
				.asString()).isEqualTo(story.current().headline());
			open(path());
			assertThat(texts("main table.stories tbody tr:first-child td").subList(0, 3))
				.isEqualTo(List.of("published #" + changeIdOf(delivered), "1", "Delivered"));
			// Tall enough to show the delivery log under the forms.
			screenshot("desk-endpoint.png", 1350);
		}
	}

	private static String changeIdOf(Receiver.Request delivery) {
		return delivery.header("webhook-id").split("_")[1];
	}

	/**
	 * One writethru as the editor types it into the form; {@code urgencyChoice} is the
	 * option's text, {@code correctionNote} is typed only for a correction.
	 */
	private record TypedWritethru(WritethruKind kind, String label, String headline, String ednote,
			String correctionNote, String byline, String urgencyChoice, Urgency urgency, List<String> paragraphs) {

		void fillIn(DeskFormsBrowserTest test) {
			test.chooseByValue("kind", this.kind.name());
			test.type("ednote", this.ednote);
			if (this.correctionNote != null) {
				test.type("correctionNote", this.correctionNote);
			}
			test.type("headline", this.headline);
			test.type("byline", this.byline);
			test.choose("urgency", this.urgencyChoice);
			test.type("body", String.join("\n\n", this.paragraphs));
		}

	}

	private ArticleSummary story(String headline) {
		return TestStories.story()
			.slugline(DeskFixtures.unique("Quai-Briere"))
			.urgency(Urgency.ROUTINE)
			.headline(headline)
			.paragraphs("The first paragraph.", "The second paragraph.")
			.ednote("Eds: first publication")
			.publish(this.publishing);
	}

	private StoredAccount account(String username) {
		return this.jdbc.queryForObject("select role, password_hash from editor where username = ?",
				(row, number) -> new StoredAccount(row.getString("role"), row.getString("password_hash")), username);
	}

	/**
	 * A desk account as its row holds it.
	 */
	private record StoredAccount(String role, String passwordHash) {
	}

	private void signIn(String username, String password) {
		submitSignIn(username, password);
		assertOn("/desk");
		assertThat(text(".sign-out span")).isEqualTo("Signed in as " + username);
	}

	private void submitSignIn(String username, String password) {
		open("/desk/login");
		type("username", username);
		type("password", password);
		press("main form button[type=submit]");
	}

	private void signOut() {
		press(".sign-out button");
		assertOn("/desk/login");
		assertThat(text("[role=status]")).isEqualTo("You have signed out.");
	}

	/**
	 * Opens the new-story form and starts a Science story from Harbour Press.
	 */
	private void newScienceStory(String slugline, String dateline) {
		open("/desk/articles/new");
		choose("section", "Science");
		type("slugline", slugline);
		choose("source", "Harbour Press");
		type("dateline", dateline);
	}

	private void open(String path) {
		browser().get(url(path));
	}

	/**
	 * Clicks into the field first, as a person does, so focus moves as it does for them;
	 * empties what the form held (a writethru form holds the current version), then
	 * types.
	 */
	private void type(String id, String text) {
		WebElement field = browser().findElement(By.id(id));
		field.click();
		field.clear();
		field.sendKeys(text);
	}

	private void choose(String id, String option) {
		new Select(browser().findElement(By.id(id))).selectByVisibleText(option);
	}

	/**
	 * By value where the option's text repeats the label the version would get, which
	 * changes with each writethru.
	 */
	private void chooseByValue(String id, String value) {
		new Select(browser().findElement(By.id(id))).selectByValue(value);
	}

	/**
	 * Types a moment into a {@code datetime-local} control segment by segment, in the
	 * order the browser's locale shows them. A click lands on the segment under the
	 * pointer (the middle of the control is the hour), so this clicks the control's left
	 * end, its first segment, as a person does. Two-digit segments move on by themselves;
	 * the year takes up to six digits, so the arrow key moves on from it.
	 */
	private void typeTime(String id, LocalDateTime at) {
		WebElement field = browser().findElement(By.id(id));
		new Actions(browser()).moveToElement(field, -field.getSize().getWidth() / 2 + 8, 0).click().perform();
		@SuppressWarnings("unchecked")
		List<String> order = (List<String>) browser().executeScript(SEGMENT_ORDER);
		boolean twelveHour = order.contains("dayPeriod");
		StringBuilder keys = new StringBuilder();
		for (String segment : order) {
			keys.append(switch (segment) {
				case "year" -> at.getYear() + Keys.ARROW_RIGHT.toString();
				case "month" -> twoDigits(at.getMonthValue());
				case "day" -> twoDigits(at.getDayOfMonth());
				case "hour" -> twoDigits(twelveHour ? (at.getHour() + 11) % 12 + 1 : at.getHour());
				case "minute" -> twoDigits(at.getMinute());
				case "second" -> twoDigits(at.getSecond());
				case "dayPeriod" -> (at.getHour() < 12) ? "A" : "P";
				default -> throw new IllegalStateException("No keys for the segment " + segment + " of " + order);
			});
		}
		field.sendKeys(keys);
		assertThat(field.getDomProperty("value")).as(() -> "typed " + order + " into #" + id)
			.isEqualTo(CONTROL_VALUE.format(at));
	}

	private static String twoDigits(int value) {
		return "%02d".formatted(value);
	}

	/**
	 * Presses a button (or follows a link) that sends the page away, and waits for the
	 * page that answers: the click may return before it arrives, most of all on a busy
	 * machine.
	 */
	private void press(String button) {
		press(By.cssSelector(button));
	}

	private void press(By control) {
		browser().executeScript("window.leaving = true");
		browser().findElement(control).click();
		// Only the answering page's window lacks the mark. While the browser is between
		// the two pages, WebDriver may fail to reach either: look again.
		await().ignoring(WebDriverException.class)
			.until((driver) -> Boolean.TRUE.equals(browser()
				.executeScript("return window.leaving === undefined && document.readyState === 'complete'")));
	}

	/**
	 * The page a form went to; on a form that came back instead, its error summary says
	 * why.
	 */
	private void assertOn(String path) {
		assertThat(path()).as(() -> "form errors: " + texts("#error-summary li")).isEqualTo(path);
	}

	private String path() {
		return URI.create(browser().getCurrentUrl()).getPath();
	}

	/**
	 * Paragraphs as the reader page sets them: the dateline leads the first, the source's
	 * end marker closes the last.
	 */
	private static List<String> asShown(String dateline, List<String> paragraphs, String endMarker) {
		List<String> shown = new ArrayList<>(paragraphs);
		shown.set(0, dateline + " " + shown.get(0));
		shown.set(shown.size() - 1, shown.get(shown.size() - 1) + " " + endMarker);
		return shown;
	}

	private String text(String selector) {
		return browser().findElement(By.cssSelector(selector)).getText();
	}

	private List<String> texts(String selector) {
		return browser().findElements(By.cssSelector(selector)).stream().map(WebElement::getText).toList();
	}

	/**
	 * Text of the reader page where the layout breaks a line the markup joins with a
	 * space: a writethru's label stands on a line of its own above the headline, and the
	 * ednote's "Editor's note:" is hidden from sight (for screen readers only) out of the
	 * text's flow. Only those line breaks read as the space they are.
	 */
	private String textOnOneLine(String selector) {
		return text(selector).replace('\n', ' ');
	}

	/**
	 * The cells of the desk table row whose cell in {@code column} reads {@code key}.
	 */
	private List<String> row(String key, int column) {
		return browser().findElements(By.cssSelector("table.stories tbody tr"))
			.stream()
			.map((row) -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
			.filter((cells) -> cells.get(column).equals(key))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No row with " + key + " in column " + column));
	}

	/**
	 * The reader home page's ticker item linking to an article; the live ticker may bring
	 * it after the page loads.
	 */
	private String tickerItem(String articlePath) {
		open("/");
		return awaitElement(By.cssSelector("#ticker-list a[href='" + articlePath + "']")).getText();
	}

	private WebElement awaitElement(By locator) {
		return await().until(ExpectedConditions.presenceOfElementLocated(locator));
	}

	/**
	 * Looks often: WebDriver's default of every half second would make each form of the
	 * class wait longer than the portal takes to answer it.
	 */
	private WebDriverWait await() {
		WebDriverWait wait = new WebDriverWait(browser(), Duration.ofSeconds(10));
		wait.pollingEvery(Duration.ofMillis(20));
		return wait;
	}

	private ZoneId zone() {
		return this.properties.timeZone();
	}

	private String stamp(Instant at) {
		return STAMP_SECONDS.withZone(zone()).format(at);
	}

	/**
	 * The page as it is, from its top, in a viewport of 1280 by 900 (a window of that
	 * size leaves less to the page); into target/screenshots, or docs/screenshots with
	 * {@code -Dscreenshots}.
	 */
	private void screenshot(String name) throws IOException {
		screenshot(name, 900);
	}

	private void screenshot(String name, int height) throws IOException {
		Path folder = (System.getProperty("screenshots") != null) ? Path.of("docs", "screenshots")
				: Path.of("target", "screenshots");
		Files.createDirectories(folder);
		browser().executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 1280, "height", height, "deviceScaleFactor", 1, "mobile", false));
		try {
			browser().executeScript("window.scrollTo(0, 0)");
			Files.write(folder.resolve(name), browser().getScreenshotAs(OutputType.BYTES));
		}
		finally {
			browser().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		}
	}

}
