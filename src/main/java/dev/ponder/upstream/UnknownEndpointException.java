package dev.ponder.upstream;

import java.util.Collection;

import dev.ponder.problem.ErrorCode;
import dev.ponder.problem.ProblemException;

/**
 * A request named an endpoint that is not configured. The message names the known ones.
 */
public class UnknownEndpointException extends ProblemException {

	public UnknownEndpointException(String name, Collection<String> known) {
		super(ErrorCode.UNKNOWN_ENDPOINT,
				"There is no endpoint named '" + name + "'. Known endpoints: " + String.join(", ", known) + ".");
	}

}
