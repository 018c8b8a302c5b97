package dev.ponder.limits;

import dev.ponder.problem.ErrorCode;
import dev.ponder.problem.ProblemException;

/**
 * A send refused because the person spent what a limit allows (402
 * {@code limit_reached}).
 */
public class LimitReachedException extends ProblemException {

	LimitReachedException(String detail) {
		super(ErrorCode.LIMIT_REACHED, detail);
	}

}
