package dev.ponder.chat;

import dev.ponder.problem.ErrorCode;
import dev.ponder.problem.ProblemException;

/**
 * An answer runs on another instance and cannot be followed from this one: Redis, which
 * carries it between instances, does not answer. The stored answer is whole once it ends.
 */
class LiveAnswersUnavailableException extends ProblemException {

	LiveAnswersUnavailableException(Throwable cause) {
		super(ErrorCode.LIVE_ANSWERS_UNAVAILABLE,
				"This answer is being written on another Ponder instance, and Redis, which relays it, cannot be "
						+ "reached. It is saved when it ends; try again in a moment.",
				cause);
	}

}
