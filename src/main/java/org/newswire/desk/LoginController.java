package org.newswire.desk;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page; Spring Security handles the POST.
 */
@Controller
class LoginController {

	static final String VIEW = "desk/login";

	@GetMapping(SignInEvents.LOGIN_PATH)
	String login() {
		return VIEW;
	}

}
