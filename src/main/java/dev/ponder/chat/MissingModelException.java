package dev.ponder.chat;

/**
 * A message for an endpoint other than the default one named no model: the default model
 * belongs to the default endpoint.
 */
public class MissingModelException extends RuntimeException {

	MissingModelException(String endpoint) {
		super("Name the model to use on '" + endpoint + "'; the default model belongs to the default endpoint.", null,
				false, false);
	}

}
