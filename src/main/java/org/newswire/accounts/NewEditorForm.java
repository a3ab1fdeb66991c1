package org.newswire.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new desk account with its first password, which the admin passes on to the editor.
 */
class NewEditorForm {

	@NotBlank(message = "{desk.validation.required}")
	@Size(min = 3, max = SignIn.USERNAME_LENGTH, message = "{desk.validation.usernameSize}")
	@Pattern(regexp = "[A-Za-z0-9._-]*", message = "{desk.validation.username}")
	private String username;

	@NotNull(message = "{desk.validation.required}")
	private EditorRole role = EditorRole.EDITOR;

	@NotBlank(message = "{desk.validation.required}")
	@Size(min = AdminBootstrap.MIN_PASSWORD_LENGTH, max = SignIn.PASSWORD_LENGTH,
			message = "{desk.validation.passwordSize}")
	private String password;

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public EditorRole getRole() {
		return this.role;
	}

	public void setRole(EditorRole role) {
		this.role = role;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

}
