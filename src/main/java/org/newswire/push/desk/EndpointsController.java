package org.newswire.push.desk;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.Principal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import org.newswire.NewswireProperties;
import org.newswire.clients.ClientAccounts;
import org.newswire.clients.WireClient;
import org.newswire.items.ItemFormat;
import org.newswire.push.Deliveries;
import org.newswire.push.Endpoint;
import org.newswire.push.EndpointNotFoundException;
import org.newswire.push.Endpoints;
import org.newswire.push.Outbox;
import org.newswire.push.Planner;
import org.newswire.push.RefusedAddressException;
import org.newswire.wire.ChangeEntries;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins manage a client's webhook endpoints on the desk: add, change, rotate the secret,
 * remove; read each one's delivery log, send a test event, send a delivery again, or
 * replay every change from a time.
 */
@Controller
class EndpointsController {

	static final String LIST_VIEW = "desk/endpoints";

	static final String FORM_VIEW = "desk/endpoint-form";

	static final String ENDPOINT_VIEW = "desk/endpoint";

	static final String SECRET_VIEW = "desk/endpoint-secret";

	private static final int LOG_LENGTH = 50;

	/** The checkboxes of the changes an endpoint wants: each labelled with its name. */
	private static final Map<String, String> CHANGE_CHOICES = ChangeEntries.NAMES.stream()
		.collect(Collectors.toMap(Function.identity(), Function.identity(), (a, b) -> a, LinkedHashMap::new));

	private final Endpoints endpoints;

	private final Deliveries deliveries;

	private final Planner planner;

	private final Outbox outbox;

	private final ClientAccounts clients;

	private final ZoneId zone;

	EndpointsController(Endpoints endpoints, Deliveries deliveries, Planner planner, Outbox outbox,
			ClientAccounts clients, NewswireProperties properties) {
		this.endpoints = endpoints;
		this.deliveries = deliveries;
		this.planner = planner;
		this.outbox = outbox;
		this.clients = clients;
		this.zone = properties.timeZone();
	}

	@InitBinder("endpointForm")
	void fields(WebDataBinder binder) {
		binder.setAllowedFields("url", "changes", "format");
	}

	@GetMapping("/desk/clients/{clientId}/endpoints")
	String list(@PathVariable long clientId, Model model) {
		model.addAttribute("client", client(clientId));
		model.addAttribute("endpoints", this.endpoints.of(clientId));
		return LIST_VIEW;
	}

	@GetMapping("/desk/clients/{clientId}/endpoints/new")
	String add(@PathVariable long clientId, Model model) {
		return form(clientId, null, new EndpointForm(), model);
	}

	@PostMapping("/desk/clients/{clientId}/endpoints/new")
	String add(@PathVariable long clientId, @Valid EndpointForm form, BindingResult result, Principal admin,
			Model model) {
		URI url = url(form, result);
		if (result.hasErrors()) {
			return form(clientId, null, form, model);
		}
		Endpoints.Created created = this.endpoints.create(clientId, url, new LinkedHashSet<>(form.getChanges()),
				form.getFormat(), admin.getName());
		return secret(clientId, created.id(), created.secret(), model);
	}

	@GetMapping("/desk/clients/{clientId}/endpoints/{id}")
	String endpoint(@PathVariable long clientId, @PathVariable long id, Model model) {
		Endpoint endpoint = endpointOf(clientId, id);
		return form(clientId, endpoint, EndpointForm.of(endpoint), model);
	}

	@PostMapping("/desk/clients/{clientId}/endpoints/{id}")
	String change(@PathVariable long clientId, @PathVariable long id, @Valid EndpointForm form, BindingResult result,
			Principal admin, Model model, RedirectAttributes redirect) {
		Endpoint endpoint = endpointOf(clientId, id);
		URI url = url(form, result);
		if (result.hasErrors()) {
			return form(clientId, endpoint, form, model);
		}
		this.endpoints.update(id, url, new LinkedHashSet<>(form.getChanges()), form.getFormat(), admin.getName());
		redirect.addFlashAttribute("saved", true);
		return redirect(clientId, id);
	}

	@PostMapping("/desk/clients/{clientId}/endpoints/{id}/rotate")
	String rotate(@PathVariable long clientId, @PathVariable long id, Principal admin, Model model) {
		endpointOf(clientId, id);
		return secret(clientId, id, this.endpoints.rotate(id, admin.getName()), model);
	}

	@PostMapping("/desk/clients/{clientId}/endpoints/{id}/remove")
	String remove(@PathVariable long clientId, @PathVariable long id, Principal admin, RedirectAttributes redirect) {
		endpointOf(clientId, id);
		this.endpoints.remove(id, admin.getName());
		redirect.addFlashAttribute("removed", true);
		return "redirect:/desk/clients/" + clientId + "/endpoints";
	}

	@PostMapping("/desk/clients/{clientId}/endpoints/{id}/test")
	String test(@PathVariable long clientId, @PathVariable long id, RedirectAttributes redirect) {
		endpointOf(clientId, id);
		this.deliveries.test(id);
		this.outbox.wake();
		redirect.addFlashAttribute("testQueued", true);
		return redirect(clientId, id);
	}

	@PostMapping("/desk/clients/{clientId}/endpoints/{id}/deliveries/{deliveryId}/redeliver")
	String redeliver(@PathVariable long clientId, @PathVariable long id, @PathVariable long deliveryId, Principal admin,
			RedirectAttributes redirect) {
		endpointOf(clientId, id);
		Deliveries.Delivery delivery = this.deliveries.find(deliveryId)
			.filter((found) -> found.endpointId() == id)
			.orElseThrow(() -> new EndpointNotFoundException(id));
		this.deliveries.redeliver(delivery);
		this.endpoints.replayed(clientId, id, "sent " + delivery.messageId() + " again", admin.getName());
		this.outbox.wake();
		redirect.addFlashAttribute("replayed", 1);
		return redirect(clientId, id);
	}

	@PostMapping("/desk/clients/{clientId}/endpoints/{id}/replay")
	String replay(@PathVariable long clientId, @PathVariable long id,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from, Principal admin,
			RedirectAttributes redirect) {
		Endpoint endpoint = endpointOf(clientId, id);
		int made = this.planner.replay(endpoint, from.atZone(this.zone).toInstant());
		this.endpoints.replayed(clientId, id,
				made + ((made == 1) ? " change" : " changes") + " from " + from + " (" + this.zone + ")",
				admin.getName());
		this.outbox.wake();
		redirect.addFlashAttribute("replayed", made);
		return redirect(clientId, id);
	}

	private String form(long clientId, Endpoint endpoint, EndpointForm form, Model model) {
		model.addAttribute("client", client(clientId));
		model.addAttribute("endpoint", endpoint);
		model.addAttribute("endpointForm", form);
		model.addAttribute("changeChoices", CHANGE_CHOICES);
		model.addAttribute("formats", ItemFormat.values());
		model.addAttribute("urlLength", EndpointForm.URL_LENGTH);
		if (endpoint != null) {
			model.addAttribute("deliveries", this.deliveries.log(endpoint.id(), LOG_LENGTH));
			return ENDPOINT_VIEW;
		}
		return FORM_VIEW;
	}

	private String secret(long clientId, long id, String secret, Model model) {
		model.addAttribute("client", client(clientId));
		model.addAttribute("endpoint", this.endpoints.require(id));
		model.addAttribute("secret", secret);
		return SECRET_VIEW;
	}

	/** The URL typed, once it parses and the address rules let it through. */
	private URI url(EndpointForm form, BindingResult result) {
		if (form.getChanges() != null && !ChangeEntries.NAMES.containsAll(form.getChanges())) {
			result.rejectValue("changes", "desk.push.validation.changes");
		}
		if (result.hasFieldErrors("url")) {
			return null;
		}
		try {
			URI url = new URI(form.getUrl());
			this.endpoints.checkAddress(url);
			return url;
		}
		catch (URISyntaxException ex) {
			result.rejectValue("url", "desk.push.validation.url");
		}
		catch (RefusedAddressException ex) {
			result.rejectValue("url", "desk.push.validation.refused", new Object[] { ex.getMessage() }, null);
		}
		return null;
	}

	/** The client, whose name the pages show. */
	private WireClient client(long clientId) {
		return this.clients.find(clientId).orElseThrow(() -> new EndpointNotFoundException(clientId));
	}

	private Endpoint endpointOf(long clientId, long id) {
		return this.endpoints.find(id)
			.filter((endpoint) -> endpoint.clientId() == clientId)
			.orElseThrow(() -> new EndpointNotFoundException(id));
	}

	private static String redirect(long clientId, long id) {
		return "redirect:/desk/clients/" + clientId + "/endpoints/" + id;
	}

}
