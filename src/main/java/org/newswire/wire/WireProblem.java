package org.newswire.wire;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A request the feed cannot answer as asked, answered as an RFC 9457 problem whose
 * {@code type} names it ({@code urn:newswire:problem:<name>}, each listed in
 * docs/api.md).
 */
final class WireProblem extends RuntimeException {

	private final HttpStatus status;

	private final String name;

	private final String title;

	private WireProblem(HttpStatus status, String name, String title, String detail) {
		super(detail, null, false, false);
		this.status = status;
		this.name = name;
		this.title = title;
	}

	static WireProblem badRequest(String name, String title, String detail) {
		return new WireProblem(HttpStatus.BAD_REQUEST, name, title, detail);
	}

	static WireProblem gone(String name, String title, String detail) {
		return new WireProblem(HttpStatus.GONE, name, title, detail);
	}

	static WireProblem forbidden(String name, String title, String detail) {
		return new WireProblem(HttpStatus.FORBIDDEN, name, title, detail);
	}

	static WireProblem notFound(String detail) {
		return new WireProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
	}

	static WireProblem notAcceptable(String detail) {
		return new WireProblem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Format not available", detail);
	}

	HttpStatus status() {
		return this.status;
	}

	ProblemDetail toProblem() {
		return problem(this.status, this.name, this.title, getMessage());
	}

	static ProblemDetail problem(HttpStatus status, String name, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:newswire:problem:" + name));
		problem.setTitle(title);
		return problem;
	}

}
