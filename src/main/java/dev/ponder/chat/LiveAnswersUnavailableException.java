package dev.ponder.chat;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An answer runs on another instance and cannot be followed from this one: Redis, which
 * carries it between instances, does not answer. The stored answer is whole once it ends.
 */
class LiveAnswersUnavailableException extends ErrorResponseException {

	LiveAnswersUnavailableException(Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"This answer is being written on another Ponder instance, and Redis, which relays it, cannot be "
						+ "reached. It is saved when it ends; try again in a moment.");
		problem.setTitle("The answer cannot be followed from here right now");
		problem.setProperty("code", "live_answers_unavailable");
		return problem;
	}

}
