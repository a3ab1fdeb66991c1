package org.newswire.accounts;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page; Spring Security handles the POST.
 */
@Controller
class LoginController {

	static final String VIEW = "desk/login";

	@GetMapping(SignInEvents.LOGIN_PATH)
	String login(@RequestParam MultiValueMap<String, String> params, Model model) {
		model.addAttribute("failed", params.containsKey("error"));
		model.addAttribute("signedOut", params.containsKey("signedOut"));
		return VIEW;
	}

}
