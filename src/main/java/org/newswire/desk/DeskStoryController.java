package org.newswire.desk;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import org.newswire.PortalDates;
import org.newswire.article.ArticleException;
import org.newswire.article.ArticleSummary;
import org.newswire.article.EditorialListing;
import org.newswire.article.Publishing;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One story on the desk: its state, its embargo (move it, or release it now), and the
 * writethrus scheduled on it (cancel one, or file again one that could not go out).
 */
@Controller
class DeskStoryController {

	static final String VIEW = "desk/story";

	private final EditorialListing listing;

	private final Publishing publishing;

	private final DeskTimes times;

	private final PortalDates dates;

	DeskStoryController(EditorialListing listing, Publishing publishing, DeskTimes times, PortalDates dates) {
		this.listing = listing;
		this.publishing = publishing;
		this.times = times;
		this.dates = dates;
	}

	static String redirectTo(long id) {
		return "redirect:/desk/articles/" + id;
	}

	@InitBinder("embargoForm")
	void embargoFields(WebDataBinder binder) {
		binder.setAllowedFields("embargoUntil");
	}

	@GetMapping("/desk/articles/{id}")
	String story(@PathVariable long id, Model model) {
		ArticleSummary story = story(id);
		EmbargoForm form = new EmbargoForm();
		if (story.embargoed()) {
			form.setEmbargoUntil(this.dates.inputValue(story.embargoUntil()));
		}
		model.addAttribute("embargoForm", form);
		return show(story, model);
	}

	@PostMapping("/desk/articles/{id}/embargo")
	String moveEmbargo(@PathVariable long id, @Valid EmbargoForm form, BindingResult result, Principal editor,
			Model model, RedirectAttributes redirect) {
		ArticleSummary story = story(id);
		Instant to = result.hasErrors() ? null : this.times.future(form.getEmbargoUntil(), "embargoUntil", result);
		if (to == null) {
			return show(story, model);
		}
		this.publishing.moveEmbargo(id, to, editor.getName());
		redirect.addFlashAttribute("embargoMoved", true);
		return redirectTo(id);
	}

	@PostMapping("/desk/articles/{id}/embargo/release")
	String releaseNow(@PathVariable long id, Principal editor, RedirectAttributes redirect) {
		ArticleSummary published = this.publishing.liftEmbargo(id, editor.getName());
		redirect.addFlashAttribute("published", published.current().labelledHeadline());
		redirect.addFlashAttribute("publishedPath", published.path());
		return "redirect:/desk";
	}

	@PostMapping("/desk/articles/{id}/scheduled/{scheduledId}/cancel")
	String cancel(@PathVariable long id, @PathVariable long scheduledId, Principal editor,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute(
				this.publishing.cancelScheduled(id, scheduledId, editor.getName()) ? "cancelled" : "alreadySettled",
				true);
		return redirectTo(id);
	}

	private ArticleSummary story(long id) {
		return this.listing.story(id).orElseThrow(() -> new ArticleException.NotFound(id));
	}

	private String show(ArticleSummary story, Model model) {
		model.addAttribute("article", DeskStory.of(story));
		List<DeskScheduled> open = this.listing.openScheduled(story.id()).stream().map(DeskScheduled::of).toList();
		model.addAttribute("scheduled", open);
		model.addAttribute("zone", this.dates.zoneName());
		return VIEW;
	}

}
