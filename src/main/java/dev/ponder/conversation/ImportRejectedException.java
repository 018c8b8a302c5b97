package dev.ponder.conversation;

import dev.ponder.problem.ErrorCode;
import dev.ponder.problem.ProblemException;

/**
 * An import file that Ponder cannot take, with the reason in words; nothing of it was
 * stored.
 */
public class ImportRejectedException extends ProblemException {

	ImportRejectedException(String message) {
		super(ErrorCode.IMPORT_REJECTED, message);
	}

}
