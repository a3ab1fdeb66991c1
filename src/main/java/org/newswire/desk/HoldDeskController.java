package org.newswire.desk;

import java.security.Principal;

import jakarta.validation.Valid;
import org.newswire.article.ArticleSummary;
import org.newswire.article.Publishing;
import org.newswire.article.Stories;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Holds and releases. A story on hold keeps its page and headline while facts are
 * checked; readers see the note instead of its text until an editor releases or kills it.
 * Any editor may hold and release, as any editor may kill. A writethru to a held story is
 * published as usual (editors fix the facts while it is held) and the story stays on hold
 * until it is released.
 */
@Controller
class HoldDeskController {

	static final String VIEW = "desk/hold-form";

	private final Stories stories;

	private final Publishing publishing;

	HoldDeskController(Stories stories, Publishing publishing) {
		this.stories = stories;
		this.publishing = publishing;
	}

	@InitBinder("holdForm")
	void holdFields(WebDataBinder binder) {
		binder.setAllowedFields("note");
	}

	/**
	 * The story's hold page: the form, or for a story on hold its note and the release
	 * button.
	 */
	@GetMapping("/desk/articles/{id}/hold")
	String hold(@PathVariable long id, Model model) {
		model.addAttribute("article", DeskStory.of(this.stories.readable(id)));
		model.addAttribute("holdForm", new HoldForm());
		return VIEW;
	}

	@PostMapping("/desk/articles/{id}/hold")
	ModelAndView hold(@PathVariable long id, @Valid HoldForm form, BindingResult result, Principal editor,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return new ModelAndView(VIEW).addObject("article", DeskStory.of(this.stories.readable(id)));
		}
		// The rules decide first (unknown, killed, under embargo: DeskAdvice answers
		// each),
		// then the headline is read for the message.
		this.publishing.hold(id, form.getNote(), editor.getName());
		redirect.addFlashAttribute("held", this.stories.readable(id).current().labelledHeadline());
		return new ModelAndView("redirect:/desk");
	}

	/**
	 * Releasing a story that is not on hold (released meanwhile by another editor)
	 * changes nothing and is not audited.
	 */
	@PostMapping("/desk/articles/{id}/release")
	String release(@PathVariable long id, Principal editor, RedirectAttributes redirect) {
		ArticleSummary summary = this.stories.readable(id);
		this.publishing.releaseHold(id, editor.getName());
		redirect.addFlashAttribute("released", summary.current().labelledHeadline());
		return "redirect:/desk";
	}

}
