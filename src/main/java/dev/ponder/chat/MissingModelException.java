package dev.ponder.chat;

import dev.ponder.problem.ErrorCode;
import dev.ponder.problem.ProblemException;

/**
 * A message for an endpoint other than the default one named no model: the default model
 * belongs to the default endpoint.
 */
public class MissingModelException extends ProblemException {

	MissingModelException(String endpoint) {
		super(ErrorCode.INVALID_REQUEST,
				"Name the model to use on '" + endpoint + "'; the default model belongs to the default endpoint.");
	}

}
