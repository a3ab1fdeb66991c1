package org.newswire.accounts;

import java.security.Principal;

import jakarta.validation.Valid;

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
 * Admins manage desk accounts: create, disable or enable, set a new password, revoke the
 * browsers that signed in to one.
 */
@Controller
class EditorsController {

	static final String LIST_VIEW = "desk/editors";

	static final String NEW_VIEW = "desk/editor-form";

	static final String PASSWORD_VIEW = "desk/password-form";

	private static final String REDIRECT_LIST = "redirect:/desk/editors";

	private final EditorAccounts accounts;

	EditorsController(EditorAccounts accounts) {
		this.accounts = accounts;
	}

	@InitBinder("newEditorForm")
	void newEditorFields(WebDataBinder binder) {
		binder.setAllowedFields("username", "role", "password");
	}

	@InitBinder("passwordForm")
	void passwordFields(WebDataBinder binder) {
		binder.setAllowedFields("password");
	}

	@GetMapping("/desk/editors")
	String editors(Model model) {
		model.addAttribute("editors", this.accounts.all());
		return LIST_VIEW;
	}

	@GetMapping("/desk/editors/new")
	String newEditor(Model model) {
		model.addAttribute("newEditorForm", new NewEditorForm());
		model.addAttribute("roles", EditorRole.values());
		return NEW_VIEW;
	}

	@PostMapping("/desk/editors/new")
	String newEditor(@Valid NewEditorForm form, BindingResult result, Principal admin, Model model,
			RedirectAttributes redirect) {
		if (!result.hasFieldErrors("username") && form.getUsername() != null
				&& this.accounts.exists(form.getUsername())) {
			result.rejectValue("username", "desk.validation.usernameTaken");
		}
		if (result.hasErrors()) {
			model.addAttribute("roles", EditorRole.values());
			return NEW_VIEW;
		}
		Editor editor = this.accounts.create(form.getUsername(), form.getPassword(), form.getRole(), admin.getName());
		redirect.addFlashAttribute("created", editor.getUsername());
		return REDIRECT_LIST;
	}

	@PostMapping("/desk/editors/{id}/disable")
	String disable(@PathVariable long id, Principal admin, RedirectAttributes redirect) {
		Editor editor = this.accounts.find(id).orElseThrow(() -> new EditorNotFoundException(id));
		if (editor.getUsername().equals(admin.getName())) {
			// An admin who disables themself could leave the desk without any admin.
			redirect.addFlashAttribute("notSelf", true);
			return REDIRECT_LIST;
		}
		this.accounts.setEnabled(id, false, admin.getName());
		redirect.addFlashAttribute("disabled", editor.getUsername());
		return REDIRECT_LIST;
	}

	@PostMapping("/desk/editors/{id}/enable")
	String enable(@PathVariable long id, Principal admin, RedirectAttributes redirect) {
		Editor editor = this.accounts.find(id).orElseThrow(() -> new EditorNotFoundException(id));
		this.accounts.setEnabled(id, true, admin.getName());
		redirect.addFlashAttribute("enabled", editor.getUsername());
		return REDIRECT_LIST;
	}

	@PostMapping("/desk/editors/{id}/revoke-devices")
	String revokeDevices(@PathVariable long id, Principal admin, RedirectAttributes redirect) {
		Editor editor = this.accounts.find(id).orElseThrow(() -> new EditorNotFoundException(id));
		this.accounts.revokeDevices(id, admin.getName());
		redirect.addFlashAttribute("devicesRevoked", editor.getUsername());
		return REDIRECT_LIST;
	}

	@GetMapping("/desk/editors/{id}/password")
	String password(@PathVariable long id, Model model) {
		model.addAttribute("editor", this.accounts.find(id).orElseThrow(() -> new EditorNotFoundException(id)));
		model.addAttribute("passwordForm", new PasswordForm());
		return PASSWORD_VIEW;
	}

	@PostMapping("/desk/editors/{id}/password")
	String password(@PathVariable long id, @Valid PasswordForm form, BindingResult result, Principal admin, Model model,
			RedirectAttributes redirect) {
		Editor editor = this.accounts.find(id).orElseThrow(() -> new EditorNotFoundException(id));
		if (result.hasErrors()) {
			model.addAttribute("editor", editor);
			return PASSWORD_VIEW;
		}
		this.accounts.resetPassword(id, form.getPassword(), admin.getName());
		redirect.addFlashAttribute("passwordReset", editor.getUsername());
		return REDIRECT_LIST;
	}

}
