package org.newswire.desk;

import java.security.Principal;
import java.time.Instant;
import java.util.Map;

import jakarta.validation.Valid;
import org.newswire.Paragraphs;
import org.newswire.article.ArticleException;
import org.newswire.article.ArticleSummary;
import org.newswire.article.EditorialListing;
import org.newswire.article.EditorialListing.ScheduledVersion;
import org.newswire.article.Listings;
import org.newswire.article.Publishing;
import org.newswire.article.Publishing.NewArticle;
import org.newswire.article.Publishing.WritethruDraft;
import org.newswire.article.Urgency;
import org.newswire.article.WritethruKind;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * New stories, writethrus and kills. Each form is previewed before it is published, and a
 * writethru that lost a race with another editor comes back as a conflict page holding
 * both texts.
 */
@Controller
class ArticleDeskController {

	static final String NEW_VIEW = "desk/article-form";

	static final String WRITETHRU_VIEW = "desk/writethru-form";

	static final String KILL_VIEW = "desk/kill-form";

	static final String PUBLISH = "publish";

	/** Stories filed from the desk are in English; the form does not offer a choice. */
	static final String LANGUAGE = "en";

	private final Publishing publishing;

	private final Listings listings;

	private final EditorialListing listing;

	private final DeskTimes times;

	private final DeskPhotos photos;

	ArticleDeskController(Publishing publishing, Listings listings, EditorialListing listing, DeskTimes times,
			DeskPhotos photos) {
		this.publishing = publishing;
		this.listings = listings;
		this.listing = listing;
		this.times = times;
		this.photos = photos;
	}

	@InitBinder("newArticleForm")
	void newArticleFields(WebDataBinder binder) {
		binder.setAllowedFields("section", "slugline", "source", "dateline", "byline", "urgency", "headline", "body",
				"ednote", "embargoUntil", "photoId", "removePhoto", "photoFile", "photoCaption", "photoCredit",
				"photoAlt");
	}

	@InitBinder("writethruForm")
	void writethruFields(WebDataBinder binder) {
		binder.setAllowedFields("baseSequence", "kind", "headline", "body", "ednote", "correctionNote", "byline",
				"urgency", "releaseAt", "photoId", "removePhoto", "photoFile", "photoCaption", "photoCredit",
				"photoAlt");
	}

	@InitBinder("killForm")
	void killFields(WebDataBinder binder) {
		binder.setAllowedFields("notice");
	}

	/**
	 * The new-story form; with {@code photo}, holding that photo of the library.
	 */
	@GetMapping("/desk/articles/new")
	String newArticle(@RequestParam(required = false) Long photo, Model model) {
		NewArticleForm form = new NewArticleForm();
		form.setPhotoId(photo);
		model.addAttribute("newArticleForm", form);
		model.addAttribute("photo", this.photos.shown(photo));
		return showNewArticle(model);
	}

	@PostMapping("/desk/articles/new")
	String newArticle(@Valid NewArticleForm form, BindingResult result,
			@RequestParam(defaultValue = "preview") String action, Principal editor, Model model,
			RedirectAttributes redirect) {
		if (form.getSection() != null && this.listings.section(form.getSection()).isEmpty()) {
			result.rejectValue("section", "desk.validation.section");
		}
		if (form.getSource() != null
				&& this.listings.sources().stream().noneMatch((s) -> s.code().equals(form.getSource()))) {
			result.rejectValue("source", "desk.validation.source");
		}
		Instant embargoUntil = (form.getEmbargoUntil() != null && !result.hasFieldErrors("embargoUntil"))
				? this.times.future(form.getEmbargoUntil(), "embargoUntil", result) : null;
		model.addAttribute("photo", this.photos.attach(form, result, editor.getName()).orElse(null));
		if (result.hasErrors() || !PUBLISH.equals(action)) {
			model.addAttribute("preview", !result.hasErrors());
			model.addAttribute("paragraphs", Paragraphs.split(form.getBody()));
			model.addAttribute("embargoUntil", embargoUntil);
			return showNewArticle(model);
		}
		ArticleSummary published = this.publishing.publish(
				new NewArticle(form.getSection(), form.getSlugline(), form.getSource(), form.getDateline(),
						form.getByline(), LANGUAGE, Urgency.of(form.getUrgency()), form.getHeadline(),
						Paragraphs.split(form.getBody()), form.getEdnote(), form.getPhotoId()),
				embargoUntil, editor.getName());
		if (published.embargoed()) {
			redirect.addFlashAttribute("embargoed", published.current().headline());
			return DeskStoryController.redirectTo(published.id());
		}
		return published(published, redirect);
	}

	/**
	 * The writethru form on the current version; with {@code from}, holding the text of a
	 * scheduled writethru that could not go out, to be filed again on it.
	 */
	@GetMapping("/desk/articles/{id}/writethru")
	String writethru(@PathVariable long id, @RequestParam(required = false) Long from, Model model) {
		ArticleSummary summary = editable(id);
		WritethruForm form;
		if (from != null) {
			ScheduledVersion kept = this.listing.scheduled(id, from)
				.orElseThrow(() -> new BadDeskRequestException("No such scheduled writethru"));
			form = WritethruForm.from(kept, summary.current().sequence());
			model.addAttribute("refiling", kept);
		}
		else {
			form = WritethruForm.from(summary);
		}
		model.addAttribute("writethruForm", form);
		model.addAttribute("photo", this.photos.shown(form.getPhotoId()));
		return showWritethru(summary, model);
	}

	@PostMapping("/desk/articles/{id}/writethru")
	ModelAndView writethru(@PathVariable long id, @Valid WritethruForm form, BindingResult result,
			@RequestParam(defaultValue = "preview") String action, Principal editor, Model model,
			RedirectAttributes redirect) {
		ArticleSummary summary = this.listing.story(id).orElseThrow(() -> new ArticleException.NotFound(id));
		if (summary.killed()) {
			return killedWhileEditing(summary.killNotice(), form);
		}
		if (form.needsCorrectionNote()) {
			result.rejectValue("correctionNote", "desk.validation.correctionNote");
		}
		Instant releaseAt = (form.getReleaseAt() != null && !result.hasFieldErrors("releaseAt"))
				? this.times.future(form.getReleaseAt(), "releaseAt", result) : null;
		model.addAttribute("photo", this.photos.attach(form, result, editor.getName()).orElse(null));
		if (!result.hasErrors() && form.getBaseSequence() != summary.current().sequence()) {
			// Caught already at preview, so the label shown is the one the version will
			// get.
			return conflict(id, form, model);
		}
		if (result.hasErrors() || !PUBLISH.equals(action)) {
			model.addAttribute("preview", !result.hasErrors());
			model.addAttribute("releaseAt", releaseAt);
			return new ModelAndView(showWritethru(summary, model));
		}
		WritethruDraft draft = new WritethruDraft(form.getKind(), form.getHeadline(), Paragraphs.split(form.getBody()),
				form.getEdnote(), form.getCorrectionNote(), form.getByline(), Urgency.of(form.getUrgency()),
				form.getPhotoId());
		try {
			if (releaseAt != null) {
				this.publishing.schedule(id, form.getBaseSequence(), draft, releaseAt, editor.getName());
				redirect.addFlashAttribute("scheduledFlash", form.getHeadline());
				return new ModelAndView(DeskStoryController.redirectTo(id));
			}
			ArticleSummary published = this.publishing.postWritethru(id, form.getBaseSequence(), draft,
					editor.getName());
			if (published.embargoed()) {
				redirect.addFlashAttribute("embargoed", published.current().labelledHeadline());
				return new ModelAndView(DeskStoryController.redirectTo(id));
			}
			return new ModelAndView(published(published, redirect));
		}
		catch (ArticleException.Killed ex) {
			return killedWhileEditing(ex.getKillNotice(), form);
		}
		catch (ArticleException.Stale | ConcurrencyFailureException | DataIntegrityViolationException ex) {
			return conflict(id, form, model);
		}
	}

	@GetMapping("/desk/articles/{id}/kill")
	String kill(@PathVariable long id, Model model) {
		model.addAttribute("article", DeskStory.of(editable(id)));
		model.addAttribute("killForm", new KillForm());
		return KILL_VIEW;
	}

	@PostMapping("/desk/articles/{id}/kill")
	String kill(@PathVariable long id, @Valid KillForm form, BindingResult result, Principal editor, Model model,
			RedirectAttributes redirect) {
		ArticleSummary summary = editable(id);
		if (result.hasErrors()) {
			model.addAttribute("article", DeskStory.of(summary));
			return KILL_VIEW;
		}
		this.publishing.kill(id, form.getNotice(), editor.getName());
		redirect.addFlashAttribute("killed", summary.current().labelledHeadline());
		return "redirect:/desk";
	}

	/**
	 * Another editor's writethru went in first: show it, and keep everything this editor
	 * typed, now based on the version that is current.
	 */
	private ModelAndView conflict(long id, WritethruForm form, Model model) {
		ArticleSummary current = this.listing.story(id).orElseThrow(() -> new ArticleException.NotFound(id));
		if (current.killed()) {
			return killedWhileEditing(current.killNotice(), form);
		}
		form.setBaseSequence(current.current().sequence());
		model.addAttribute("conflict", current.current());
		model.addAttribute("preview", true);
		ModelAndView page = new ModelAndView(showWritethru(current, model));
		page.setStatus(HttpStatus.CONFLICT);
		return page;
	}

	/**
	 * The story was killed while the editor typed: nothing can be published, but the text
	 * is handed back so it is not lost.
	 */
	private static ModelAndView killedWhileEditing(String killNotice, WritethruForm form) {
		ModelAndView page = DeskAdvice.error(HttpStatus.CONFLICT, "desk.error.killedWhileEditing");
		page.addObject("killNotice", killNotice);
		page.addObject("keptHeadline", form.getHeadline());
		page.addObject("keptBody", form.getBody());
		return page;
	}

	/**
	 * A story the desk may still change, waiting for its embargo or public.
	 * @throws ArticleException.Killed for a killed one
	 */
	private ArticleSummary editable(long id) {
		ArticleSummary story = this.listing.story(id).orElseThrow(() -> new ArticleException.NotFound(id));
		if (story.killed()) {
			throw new ArticleException.Killed(id, story.killNotice(), story.killedAt());
		}
		return story;
	}

	private String showNewArticle(Model model) {
		model.addAttribute("sections", this.listings.sections());
		model.addAttribute("sources", this.listings.sources());
		model.addAttribute("urgencies", Urgency.values());
		return NEW_VIEW;
	}

	private String showWritethru(ArticleSummary summary, Model model) {
		long id = summary.id();
		Object form = model.getAttribute("writethruForm");
		model.addAttribute("article", DeskStory.of(summary));
		Map<WritethruKind, String> labels = this.listing.nextLabels(id);
		model.addAttribute("kindOptions",
				labels.entrySet().stream().map((label) -> new KindOption(label.getKey(), label.getValue())).toList());
		if (form instanceof WritethruForm writethru && writethru.getKind() != null) {
			model.addAttribute("nextLabel", labels.get(writethru.getKind()));
		}
		model.addAttribute("urgencies", Urgency.values());
		if (form instanceof WritethruForm writethru && writethru.getBody() != null) {
			model.addAttribute("paragraphs", Paragraphs.split(writethru.getBody()));
		}
		return WRITETHRU_VIEW;
	}

	private String published(ArticleSummary published, RedirectAttributes redirect) {
		redirect.addFlashAttribute("published", published.current().labelledHeadline());
		redirect.addFlashAttribute("publishedPath", published.path());
		return "redirect:/desk";
	}

	/**
	 * One choice of the writethru kind with the label the new version would get. A list
	 * of these rather than a map keyed by kind: the template's {@code map[k]} reads
	 * {@code k} as the literal key "k".
	 */
	record KindOption(WritethruKind kind, String nextLabel) {
	}

}
