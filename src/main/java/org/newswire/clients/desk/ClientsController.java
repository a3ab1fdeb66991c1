package org.newswire.clients.desk;

import java.security.Principal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import org.newswire.NewswireProperties;
import org.newswire.PortalDates;
import org.newswire.article.Listings;
import org.newswire.article.SectionView;
import org.newswire.clients.ApiClient;
import org.newswire.clients.ClientAccounts;
import org.newswire.clients.ClientNotFoundException;
import org.newswire.clients.ClientRegistry;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins manage wire clients: create and change them, issue keys and revoke them. A new
 * key is shown once, in the answer to the POST that issued it, never through a redirect
 * (docs/decisions.md). The desk's shared advice (trimmed single-valued fields, the
 * signed-in admin) reaches these pages as it reaches the accounts' (DeskAdvice names this
 * package, which holds the desk's pages only, not the API's controller).
 */
@Controller
class ClientsController {

	static final String LIST_VIEW = "desk/clients";

	static final String CLIENT_VIEW = "desk/client";

	static final int MAX_NAME = 100;

	static final int MAX_CONTACT = 200;

	static final int MAX_RATE = 100_000;

	private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}]");

	private final ClientRegistry registry;

	private final Listings listings;

	private final PortalDates dates;

	private final Clock clock;

	private final int defaultRate;

	ClientsController(ClientRegistry registry, Listings listings, PortalDates dates, Clock clock,
			NewswireProperties properties) {
		this.registry = registry;
		this.listings = listings;
		this.dates = dates;
		this.clock = clock;
		this.defaultRate = properties.wire().defaultRequestsPerMinute();
	}

	@InitBinder("clientForm")
	void clientFields(WebDataBinder binder) {
		binder.setAllowedFields("name", "contact", "sections", "embargoAhead", "requestsPerMinute");
	}

	@InitBinder("keyForm")
	void keyFields(WebDataBinder binder) {
		binder.setAllowedFields("expiresAt");
	}

	@GetMapping("/desk/clients")
	String clients(Model model) {
		ClientForm form = new ClientForm();
		form.setRequestsPerMinute(Integer.toString(this.defaultRate));
		model.addAttribute("clientForm", form);
		return list(model);
	}

	@PostMapping("/desk/clients")
	String create(@Valid ClientForm form, BindingResult result, Principal admin, Model model,
			RedirectAttributes redirect) {
		ClientAccounts.NewClient details = validated(form, result, null);
		if (details == null) {
			return list(model);
		}
		long id = this.registry.create(details, admin.getName());
		redirect.addFlashAttribute("created", details.name());
		return "redirect:/desk/clients/" + id;
	}

	@GetMapping("/desk/clients/{id}")
	String client(@PathVariable long id, Model model) {
		ApiClient client = this.registry.get(id);
		model.addAttribute("clientForm", ClientForm.of(client));
		model.addAttribute("keyForm", new KeyForm());
		return page(client, model);
	}

	@PostMapping("/desk/clients/{id}")
	String change(@PathVariable long id, @Valid ClientForm form, BindingResult result, Principal admin, Model model,
			RedirectAttributes redirect) {
		ApiClient client = this.registry.get(id);
		ClientAccounts.NewClient details = validated(form, result, id);
		if (details == null) {
			model.addAttribute("keyForm", new KeyForm());
			return page(client, model);
		}
		this.registry.change(id, details, admin.getName());
		redirect.addFlashAttribute("changed", true);
		return "redirect:/desk/clients/" + id;
	}

	/**
	 * Answers with the client's page and the new key on it: the key exists only in this
	 * answer, which is marked no-store like every desk page.
	 */
	@PostMapping("/desk/clients/{id}/keys")
	String issue(@PathVariable long id, @Valid KeyForm form, BindingResult result, Principal admin, Model model) {
		ApiClient client = this.registry.get(id);
		Instant expiresAt = expiry(form.getExpiresAt(), result);
		model.addAttribute("clientForm", ClientForm.of(client));
		if (!result.hasErrors()) {
			model.addAttribute("issued", this.registry.issueKey(id, expiresAt, admin.getName()));
			model.addAttribute("keyForm", new KeyForm());
		}
		return page(client, model);
	}

	@PostMapping("/desk/clients/{id}/keys/{keyId}/revoke")
	String revoke(@PathVariable long id, @PathVariable String keyId, Principal admin, RedirectAttributes redirect) {
		this.registry.revokeKey(id, keyId, admin.getName());
		redirect.addFlashAttribute("revoked", keyId);
		return "redirect:/desk/clients/" + id;
	}

	@ExceptionHandler(ClientNotFoundException.class)
	ModelAndView notFound() {
		ModelAndView page = new ModelAndView("desk/error", HttpStatus.NOT_FOUND);
		page.addObject("status", HttpStatus.NOT_FOUND.value());
		page.addObject("messageKey", "desk.error.notFound");
		return page;
	}

	private String list(Model model) {
		model.addAttribute("clients", this.registry.all());
		model.addAttribute("sections", sectionChoices());
		return LIST_VIEW;
	}

	private String page(ApiClient client, Model model) {
		model.addAttribute("client", client);
		model.addAttribute("keys", this.registry.keys(client.getId()));
		model.addAttribute("sections", sectionChoices());
		model.addAttribute("now", this.clock.instant());
		return CLIENT_VIEW;
	}

	/**
	 * The sections' codes and names, for the form's checkboxes.
	 */
	private Map<String, String> sectionChoices() {
		Map<String, String> choices = new LinkedHashMap<>();
		this.listings.sections().forEach((section) -> choices.put(section.code(), section.name()));
		return choices;
	}

	/**
	 * The client the form describes, or {@code null} after rejecting its fields.
	 * @param id the client changed, {@code null} for a new one
	 */
	private ClientAccounts.NewClient validated(ClientForm form, BindingResult result, Long id) {
		text(form.getName(), "name", MAX_NAME, result);
		text(form.getContact(), "contact", MAX_CONTACT, result);
		if (!result.hasFieldErrors("name")) {
			this.registry.findByName(form.getName())
				.filter((other) -> !other.getId().equals(id))
				.ifPresent((other) -> result.rejectValue("name", "desk.validation.clientTaken"));
		}
		Set<String> known = this.listings.sections().stream().map(SectionView::code).collect(Collectors.toSet());
		Set<String> sections = new LinkedHashSet<>(form.getSections());
		if (!known.containsAll(sections)) {
			result.rejectValue("sections", "desk.validation.clientSection");
		}
		int rate = rate(form.getRequestsPerMinute(), result);
		if (result.hasErrors()) {
			return null;
		}
		return new ClientAccounts.NewClient(form.getName(), form.getContact(), sections, form.isEmbargoAhead(), rate);
	}

	private static void text(String value, String field, int max, BindingResult result) {
		if (result.hasFieldErrors(field)) {
			return;
		}
		if (value == null) {
			result.rejectValue(field, "desk.validation.required");
		}
		else if (value.length() > max) {
			result.rejectValue(field, "desk.validation.clientSize", new Object[] { max }, null);
		}
		else if (INVISIBLE.matcher(value).find()) {
			result.rejectValue(field, "desk.validation.clientText");
		}
	}

	private static int rate(String value, BindingResult result) {
		if (result.hasFieldErrors("requestsPerMinute")) {
			return 0;
		}
		try {
			int rate = Integer.parseInt((value != null) ? value : "");
			if (rate > 0 && rate <= MAX_RATE) {
				return rate;
			}
		}
		catch (NumberFormatException ex) {
			// Refused below, like a number out of range.
		}
		result.rejectValue("requestsPerMinute", "desk.validation.clientRate",
				new Object[] { Integer.toString(MAX_RATE) }, null);
		return 0;
	}

	private Instant expiry(String value, BindingResult result) {
		if (value == null || result.hasFieldErrors("expiresAt")) {
			return null;
		}
		Instant at;
		try {
			at = this.dates.fromInput(value);
		}
		catch (DateTimeException ex) {
			result.rejectValue("expiresAt", "desk.validation.time", new Object[] { this.dates.zoneName() }, null);
			return null;
		}
		Instant now = this.clock.instant();
		if (!at.isAfter(now)) {
			result.rejectValue("expiresAt", "desk.validation.timePast",
					new Object[] { this.dates.stampSeconds(now), this.dates.zoneName() }, null);
			return null;
		}
		return at;
	}

}
