package dev.ponder.conversation;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The conversation or message asked for does not exist. Pages answer it with their 404
 * page, the API with problem details.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

	private NotFoundException(String message) {
		super(message, null, false, false);
	}

	public static NotFoundException conversation(UUID id) {
		return new NotFoundException("No conversation with id " + id + ".");
	}

	public static NotFoundException message(UUID id) {
		return new NotFoundException("No message with id " + id + ".");
	}

}
