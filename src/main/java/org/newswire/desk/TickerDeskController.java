package org.newswire.desk;

import java.security.Principal;

import jakarta.validation.Valid;
import org.newswire.article.Stories;
import org.newswire.article.Urgency;
import org.newswire.ticker.TickerService;

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
 * The ticker desk: post a headline, withdraw one.
 */
@Controller
class TickerDeskController {

	static final String VIEW = "desk/ticker";

	private final TickerService ticker;

	private final DeskTicker deskTicker;

	private final Stories articles;

	TickerDeskController(TickerService ticker, DeskTicker deskTicker, Stories articles) {
		this.ticker = ticker;
		this.deskTicker = deskTicker;
		this.articles = articles;
	}

	@InitBinder("headlineForm")
	void headlineFields(WebDataBinder binder) {
		binder.setAllowedFields("text", "urgency", "articleId");
	}

	@GetMapping("/desk/ticker")
	String ticker(Model model) {
		model.addAttribute("headlineForm", new HeadlineForm());
		return show(model);
	}

	@PostMapping("/desk/ticker")
	String post(@Valid HeadlineForm form, BindingResult result, Principal editor, Model model,
			RedirectAttributes redirect) {
		if (form.getArticleId() != null && !result.hasFieldErrors("articleId")
				&& this.articles.find(form.getArticleId()).filter((summary) -> !summary.killed()).isEmpty()) {
			result.rejectValue("articleId", "desk.validation.noSuchArticle");
		}
		if (result.hasErrors()) {
			return show(model);
		}
		this.deskTicker.post(form.getText(), Urgency.of(form.getUrgency()), form.getArticleId(), editor.getName());
		redirect.addFlashAttribute("posted", form.getText());
		return "redirect:/desk/ticker";
	}

	@PostMapping("/desk/ticker/{id}/withdraw")
	String withdraw(@PathVariable long id, Principal editor, RedirectAttributes redirect) {
		this.deskTicker.withdraw(id, editor.getName());
		redirect.addFlashAttribute("withdrawn", true);
		return "redirect:/desk/ticker";
	}

	private String show(Model model) {
		model.addAttribute("headlines", this.ticker.latest().stream().map(DeskHeadline::of).toList());
		model.addAttribute("urgencies", Urgency.values());
		return VIEW;
	}

}
