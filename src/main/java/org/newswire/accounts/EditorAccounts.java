package org.newswire.accounts;

import java.text.Normalizer;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Desk accounts: created, disabled and given new passwords by an admin; every change is
 * announced as an {@link EditorAccountChanged} in its transaction, which the audit log
 * records.
 */
@Service
@Transactional(readOnly = true)
class EditorAccounts {

	private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}]");

	private final EditorRepository editors;

	private final PasswordEncoder passwords;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	EditorAccounts(EditorRepository editors, PasswordEncoder passwords, ApplicationEventPublisher events, Clock clock) {
		this.editors = editors;
		this.passwords = passwords;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The one form of a user name that is stored, looked up, signed in and counted by the
	 * sign-in throttle: invisible characters (controls such as U+0001, format characters
	 * such as U+200B) removed, NFC, trimmed, lower case. So "chief\u0001" is "chief"
	 * everywhere, and cannot collect failures of its own.
	 */
	static String normalise(String username) {
		if (username == null) {
			return "";
		}
		String visible = INVISIBLE.matcher(Normalizer.normalize(username, Normalizer.Form.NFC)).replaceAll("");
		return visible.strip().toLowerCase(Locale.ROOT);
	}

	List<Editor> all() {
		return this.editors.findAllByOrderByUsername();
	}

	Optional<Editor> find(long id) {
		return this.editors.findById(id);
	}

	Optional<Editor> findByUsername(String username) {
		return this.editors.findByUsername(normalise(username));
	}

	boolean exists(String username) {
		return findByUsername(username).isPresent();
	}

	boolean hasEnabledAdmin() {
		return this.editors.existsByRoleAndEnabledTrue(EditorRole.ADMIN);
	}

	@Transactional
	Editor create(String username, String password, EditorRole role, String by) {
		Editor editor = this.editors
			.save(new Editor(normalise(username), this.passwords.encode(password), role, this.clock.instant()));
		announce(editor, EditorAccountChanged.Change.CREATED, by);
		return editor;
	}

	@Transactional
	void setEnabled(long id, boolean enabled, String by) {
		Editor editor = this.editors.findById(id).orElseThrow(() -> new EditorNotFoundException(id));
		editor.setEnabled(enabled);
		announce(editor, enabled ? EditorAccountChanged.Change.ENABLED : EditorAccountChanged.Change.DISABLED, by);
	}

	/**
	 * Every browser that signed in to the account so far counts as unknown from now on:
	 * its device cookie no longer spares it the account's sign-in throttle.
	 */
	@Transactional
	void revokeDevices(long id, String by) {
		Editor editor = this.editors.findById(id).orElseThrow(() -> new EditorNotFoundException(id));
		editor.revokeDevices(this.clock.instant());
		announce(editor, EditorAccountChanged.Change.DEVICES_REVOKED, by);
	}

	@Transactional
	void resetPassword(long id, String password, String by) {
		Editor editor = this.editors.findById(id).orElseThrow(() -> new EditorNotFoundException(id));
		editor.changePasswordHash(this.passwords.encode(password));
		announce(editor, EditorAccountChanged.Change.PASSWORD_RESET, by);
	}

	private void announce(Editor editor, EditorAccountChanged.Change change, String by) {
		this.events.publishEvent(new EditorAccountChanged(editor.getUsername(), editor.getRole(), change, by));
	}

}
