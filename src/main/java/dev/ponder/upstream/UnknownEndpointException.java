package dev.ponder.upstream;

import java.util.Collection;

/**
 * A request named an endpoint that is not configured. The message names the known ones.
 */
public class UnknownEndpointException extends RuntimeException {

	public UnknownEndpointException(String name, Collection<String> known) {
		super("There is no endpoint named '" + name + "'. Known endpoints: " + String.join(", ", known) + ".", null,
				false, false);
	}

}
