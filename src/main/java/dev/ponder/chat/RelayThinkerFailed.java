package dev.ponder.chat;

import dev.ponder.problem.ProblemException;
import dev.ponder.upstream.UpstreamException;

/**
 * The thinking model of a relay failed, so the answering model was never asked. Keeps the
 * cause's code, so that a script can tell a rate limit from a bad key.
 */
class RelayThinkerFailed extends ProblemException {

	RelayThinkerFailed(String thinkerModel, UpstreamException cause) {
		super(cause.errorCode(), "The thinking model (" + thinkerModel
				+ ") failed, so the answering model was not asked. " + cause.getMessage(), cause);
	}

}
