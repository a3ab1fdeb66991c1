package org.newswire.desk;

import org.newswire.photo.PhotoLibrary;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The photo library: every photo uploaded, newest first, found by its caption or credit,
 * with its number for a story form and a link that starts a new story with it.
 */
@Controller
class PhotoDeskController {

	static final String VIEW = "desk/photos";

	/** As many as a page of thumbnails shows at once; a search narrows it. */
	static final int PAGE = 60;

	private final PhotoLibrary library;

	PhotoDeskController(PhotoLibrary library) {
		this.library = library;
	}

	@GetMapping("/desk/photos")
	String photos(@RequestParam(required = false) String q, Model model) {
		String text = (q != null && q.length() > FormLimits.SEARCH) ? q.substring(0, FormLimits.SEARCH) : q;
		model.addAttribute("q", text);
		model.addAttribute("photos", this.library.search(text, PAGE));
		return VIEW;
	}

}
