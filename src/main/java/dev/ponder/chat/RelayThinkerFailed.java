package dev.ponder.chat;

import dev.ponder.upstream.UpstreamException;

/**
 * The thinking model of a relay failed, so the answering model was never asked. Keeps the
 * cause's code, so that a script can tell a rate limit from a bad key.
 */
class RelayThinkerFailed extends RuntimeException {

	private final UpstreamException cause;

	RelayThinkerFailed(String thinkerModel, UpstreamException cause) {
		super("The thinking model (" + thinkerModel + ") failed, so the answering model was not asked. "
				+ cause.getMessage(), cause, false, false);
		this.cause = cause;
	}

	String code() {
		return this.cause.code();
	}

}
