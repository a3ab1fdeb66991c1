package org.newswire.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new password an admin sets for an editor who lost theirs.
 */
class PasswordForm {

	@NotBlank(message = "{desk.validation.required}")
	@Size(min = AdminBootstrap.MIN_PASSWORD_LENGTH, max = SignIn.PASSWORD_LENGTH,
			message = "{desk.validation.passwordSize}")
	private String password;

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

}
