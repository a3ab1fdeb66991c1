package org.newswire.site;

import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.autoconfigure.error.AbstractErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Where the container sends every error. Readers, feed readers and curl ({@code Accept:
 * *}{@code /*} or none) get the site's HTML error page; JSON only goes to a client that
 * names it in {@code Accept}, or accepts it on an API URL ({@code /api/...}). Replaces
 * Spring Boot's controller, which answers JSON to anything that is not explicitly a
 * browser and 500 to a direct request for {@code /error}.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class SiteErrorController extends AbstractErrorController {

	private static final String API = "/api/";

	SiteErrorController(ErrorAttributes errorAttributes, List<ErrorViewResolver> errorViewResolvers) {
		super(errorAttributes, errorViewResolvers);
	}

	@RequestMapping
	Object error(HttpServletRequest request, HttpServletResponse response) {
		// Without an error status this is somebody asking for /error itself: no such
		// page.
		HttpStatus status = (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) != null) ? getStatus(request)
				: HttpStatus.NOT_FOUND;
		Map<String, Object> model = getErrorAttributes(request, ErrorAttributeOptions.defaults());
		model.put("status", status.value());
		model.put("error", status.getReasonPhrase());
		if (wantsJson(request)) {
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(model);
		}
		response.setStatus(status.value());
		ModelAndView page = resolveErrorView(request, response, status, model);
		return (page != null) ? page : new ModelAndView(ErrorPages.VIEW, model, status);
	}

	private static boolean wantsJson(HttpServletRequest request) {
		List<MediaType> accepted;
		try {
			String accept = request.getHeader(HttpHeaders.ACCEPT);
			accepted = (accept != null) ? MediaType.parseMediaTypes(accept) : List.of(MediaType.ALL);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
		boolean named = accepted.stream()
			.anyMatch((type) -> !type.isWildcardSubtype() && type.getQualityValue() > 0
					&& (MediaType.APPLICATION_JSON.includes(type) || "json".equals(type.getSubtypeSuffix())));
		if (named) {
			return true;
		}
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return uri instanceof String path && path.startsWith(request.getContextPath() + API)
				&& accepted.stream().anyMatch((type) -> type.includes(MediaType.APPLICATION_JSON));
	}

}
