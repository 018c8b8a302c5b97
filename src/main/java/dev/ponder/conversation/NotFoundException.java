package dev.ponder.conversation;

import java.util.UUID;

import dev.ponder.problem.ErrorCode;
import dev.ponder.problem.ProblemException;

/**
 * The conversation or message asked for does not exist. Pages answer it with their 404
 * page, the API with problem details.
 */
public class NotFoundException extends ProblemException {

	private NotFoundException(String message) {
		super(ErrorCode.NOT_FOUND, message);
	}

	public static NotFoundException conversation(UUID id) {
		return new NotFoundException("No conversation with id " + id + ".");
	}

	public static NotFoundException message(UUID id) {
		return new NotFoundException("No message with id " + id + ".");
	}

}
