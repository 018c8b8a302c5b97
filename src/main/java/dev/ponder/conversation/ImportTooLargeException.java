package dev.ponder.conversation;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An import file larger than {@code PONDER_IMPORT_MAX_SIZE}: refused with a 413 as soon
 * as that is known, before the rest of it is read.
 */
public class ImportTooLargeException extends ErrorResponseException {

	ImportTooLargeException(ImportProperties limit) {
		super(HttpStatus.CONTENT_TOO_LARGE, problem(limit), null);
	}

	/** The sentence a person reads, on the page or in the problem's {@code detail}. */
	String sentence() {
		return getBody().getDetail();
	}

	private static ProblemDetail problem(ImportProperties limit) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"The file is larger than the import limit of " + limit.maxSizeInWords()
						+ ": split it, or raise PONDER_IMPORT_MAX_SIZE where Ponder runs.");
		problem.setTitle("The file is too large to import");
		problem.setType(URI.create("https://ponder.dev/problems/import-too-large"));
		problem.setProperty("code", "import_too_large");
		return problem;
	}

}
