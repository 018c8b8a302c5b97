package dev.ponder.upstream;

import java.time.Duration;
import java.util.Optional;

import dev.ponder.problem.ErrorCode;
import dev.ponder.problem.ProblemException;

/**
 * Why an upstream call failed, in words a person can act on. Each kind has its
 * {@link ErrorCode}, which says whether trying again may help.
 */
public abstract sealed class UpstreamException extends ProblemException {

	private UpstreamException(ErrorCode code, String message) {
		super(code, message);
	}

	/** No key is configured, so nothing can be sent. */
	public static final class MissingKey extends UpstreamException {

		/** The sentence, also shown by the page that refuses to send without a key. */
		public static final String SENTENCE = "No OpenRouter API key is set. Set OPENROUTER_API_KEY and restart Ponder.";

		public MissingKey() {
			super(ErrorCode.MISSING_KEY, SENTENCE);
		}

	}

	/** The key was refused (401). */
	public static final class InvalidKey extends UpstreamException {

		public InvalidKey(String detail, Endpoint endpoint) {
			super(ErrorCode.INVALID_KEY,
					endpoint.displayName() + " refused the API key" + suffix(detail) + " Check "
							+ endpoint.keyVariable()
							+ (endpoint.isOpenRouter() ? "; keys are managed at openrouter.ai/settings/keys." : "."));
		}

	}

	/** The account has no credit left for this request (402). */
	public static final class OutOfCredits extends UpstreamException {

		public OutOfCredits(String detail, Endpoint endpoint) {
			super(ErrorCode.OUT_OF_CREDITS,
					"Your " + endpoint.displayName() + " account is out of credits" + suffix(detail)
							+ (endpoint.isOpenRouter()
									? " Add credits at openrouter.ai/settings/credits, or pick a free model."
									: " Add credit with its provider, or pick another model."));
		}

	}

	/** The provider's moderation refused the input (403). */
	public static final class Moderated extends UpstreamException {

		public Moderated(String detail) {
			super(ErrorCode.MODERATED, "The provider's moderation flagged this message" + suffix(detail));
		}

	}

	/**
	 * Too many requests; {@code retryAfter} says how long to wait when the upstream told
	 * us.
	 */
	public static final class RateLimited extends UpstreamException {

		private final Duration retryAfter;

		public RateLimited(String detail, Duration retryAfter) {
			super(ErrorCode.RATE_LIMITED, "The model is rate limited" + suffix(detail) + waitHint(retryAfter));
			this.retryAfter = retryAfter;
		}

		public Optional<Duration> retryAfter() {
			return Optional.ofNullable(this.retryAfter);
		}

		private static String waitHint(Duration retryAfter) {
			return (retryAfter != null) ? " Try again in " + Math.max(1, retryAfter.toSeconds()) + " s."
					: " Wait a moment and try again.";
		}

	}

	/** No provider can serve the model now, or the model does not exist (404, 503). */
	public static final class ModelUnavailable extends UpstreamException {

		public ModelUnavailable(String detail) {
			super(ErrorCode.MODEL_UNAVAILABLE, "The model is not available right now" + suffix(detail)
					+ " Try again later or choose another model.");
		}

	}

	/** The request itself was refused (400), e.g. an unknown model id. */
	public static final class BadRequest extends UpstreamException {

		public BadRequest(String detail) {
			super(ErrorCode.BAD_REQUEST, "The request was refused" + suffix(detail));
		}

	}

	/**
	 * The provider failed, before or during the answer (5xx, or an error inside the
	 * stream).
	 */
	public static final class ProviderFailed extends UpstreamException {

		public ProviderFailed(String detail) {
			super(ErrorCode.PROVIDER_FAILED,
					"The model's provider failed" + suffix(detail) + " What had arrived is kept; try again.");
		}

	}

	/** Nothing arrived in time: no connection, no first byte, or too long a silence. */
	public static final class TimedOut extends UpstreamException {

		public TimedOut(String what) {
			super(ErrorCode.TIMED_OUT, what + " What had arrived is kept; try again.");
		}

	}

	/** The connection dropped before the answer was complete. */
	public static final class StreamBroken extends UpstreamException {

		public StreamBroken() {
			super(ErrorCode.STREAM_BROKEN,
					"The connection to the model dropped before the answer was complete. What had arrived is kept; try again.");
		}

	}

	/** The upstream could not be reached at all. */
	public static final class Unreachable extends UpstreamException {

		public Unreachable(String host, String baseUrlVariable) {
			super(ErrorCode.UNREACHABLE,
					"Could not reach " + host + ". Check " + baseUrlVariable + " and the network.");
		}

	}

	private static String suffix(String detail) {
		return (detail == null || detail.isBlank()) ? "."
				: ": " + detail.strip() + (detail.strip().endsWith(".") ? "" : ".");
	}

}
