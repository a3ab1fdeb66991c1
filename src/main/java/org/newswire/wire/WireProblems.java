package org.newswire.wire;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;

/**
 * The feed's answers to what it cannot do as asked: RFC 9457 problems, never a stack
 * trace.
 */
@RestControllerAdvice(assignableTypes = { WireFeedController.class, WireItemController.class })
class WireProblems {

	@ExceptionHandler(WireProblem.class)
	ResponseEntity<ProblemDetail> problem(WireProblem problem) {
		return answer(problem.status(), problem.toProblem());
	}

	/**
	 * Only if a long poll outlived its own timeout handler, which answers first.
	 */
	@ExceptionHandler(AsyncRequestTimeoutException.class)
	ResponseEntity<ProblemDetail> timeout(AsyncRequestTimeoutException ex) {
		return answer(HttpStatus.SERVICE_UNAVAILABLE, WireProblem.problem(HttpStatus.SERVICE_UNAVAILABLE, "timeout",
				"Try again", "The feed could not answer in time; send the same request again."));
	}

	private static ResponseEntity<ProblemDetail> answer(HttpStatus status, ProblemDetail problem) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
