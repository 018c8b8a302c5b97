package dev.ponder.conversation;

import dev.ponder.problem.ErrorCode;
import dev.ponder.problem.ProblemException;

/**
 * An import file larger than {@code PONDER_IMPORT_MAX_SIZE}: refused with a 413 as soon
 * as that is known, before the rest of it is read.
 */
public class ImportTooLargeException extends ProblemException {

	ImportTooLargeException(ImportProperties limit) {
		super(ErrorCode.IMPORT_TOO_LARGE, "The file is larger than the import limit of " + limit.maxSizeInWords()
				+ ": split it, or raise PONDER_IMPORT_MAX_SIZE where Ponder runs.");
	}

}
