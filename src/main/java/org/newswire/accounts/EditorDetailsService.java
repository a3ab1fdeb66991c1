package org.newswire.accounts;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Signs editors in from the database. An admin is an editor too, so it carries both
 * roles.
 */
@Component
class EditorDetailsService implements UserDetailsService {

	private final EditorAccounts accounts;

	EditorDetailsService(EditorAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		Editor editor = this.accounts.findByUsername(username)
			.orElseThrow(() -> new UsernameNotFoundException("No such editor"));
		List<SimpleGrantedAuthority> authorities = (editor.getRole() == EditorRole.ADMIN)
				? List.of(new SimpleGrantedAuthority(EditorRole.EDITOR.authority()),
						new SimpleGrantedAuthority(EditorRole.ADMIN.authority()))
				: List.of(new SimpleGrantedAuthority(EditorRole.EDITOR.authority()));
		return User.withUsername(editor.getUsername())
			.password(editor.getPasswordHash())
			.authorities(authorities)
			.disabled(!editor.isEnabled())
			.build();
	}

}
