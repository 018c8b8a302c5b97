package dev.ponder.problem;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Every stable, machine-readable cause that Ponder reports: in problem details, in a
 * stream's {@code error} event and in a failed answer's stored {@code error}. Each code
 * says the status Ponder answers it with, a title, and whether trying again later may
 * help. The list in {@code docs/api.md} is this enum's, in words.
 */
public enum ErrorCode {

	// Why a model could not answer. A request that the model's server failed was fine, so
	// Ponder answers it 502; a missing key is Ponder's own setting, so 503.

	/** No API key is set for the endpoint, so nothing can be sent. */
	MISSING_KEY(HttpStatus.SERVICE_UNAVAILABLE, "No API key is set", false),

	/** The upstream refused the key (its 401). */
	INVALID_KEY(HttpStatus.BAD_GATEWAY, "The API key was refused", false),

	/** The upstream account has no credit left (its 402). */
	OUT_OF_CREDITS(HttpStatus.BAD_GATEWAY, "Out of credits", false),

	/** The provider's moderation refused the input (its 403). */
	MODERATED(HttpStatus.BAD_GATEWAY, "The message was moderated", false),

	/** Nothing arrived in time: no connection, no first byte, or too long a silence. */
	TIMED_OUT(HttpStatus.BAD_GATEWAY, "The model timed out", true),

	/** The upstream asked to slow down (its 429). */
	RATE_LIMITED(HttpStatus.BAD_GATEWAY, "The model is rate limited", true),

	/** No provider serves the model now, or it does not exist (its 404 or 503). */
	MODEL_UNAVAILABLE(HttpStatus.BAD_GATEWAY, "The model is not available", true),

	/** The upstream refused the request itself (its 400). */
	BAD_REQUEST(HttpStatus.BAD_GATEWAY, "The model refused the request", false),

	/** The provider failed, before the answer (its 5xx) or inside the stream. */
	PROVIDER_FAILED(HttpStatus.BAD_GATEWAY, "The model's provider failed", true),

	/** The connection dropped before the answer was complete. */
	STREAM_BROKEN(HttpStatus.BAD_GATEWAY, "The connection to the model dropped", true),

	/** The upstream could not be reached at all. */
	UNREACHABLE(HttpStatus.BAD_GATEWAY, "The model's server cannot be reached", true),

	// Ponder's own reasons an answer did not end well.

	/** Ponder restarted mid-answer, or the instance writing it died. */
	INTERRUPTED(HttpStatus.SERVICE_UNAVAILABLE, "The answer was interrupted", false),

	/** The answer could not be saved. */
	STORAGE_FAILED(HttpStatus.INTERNAL_SERVER_ERROR, "The answer could not be saved", true),

	/**
	 * The answer runs on another instance and Redis, which relays it, cannot be reached.
	 */
	LIVE_ANSWERS_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "The answer cannot be followed from here right now", true),

	// Who is asking.

	/** No credentials were sent. */
	UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Not logged in", false),

	/** The credentials were not accepted. */
	BAD_CREDENTIALS(HttpStatus.UNAUTHORIZED, "Not logged in", false),

	/** The account is disabled. */
	ACCOUNT_DISABLED(HttpStatus.UNAUTHORIZED, "Account disabled", false),

	/** The instance has no administrator yet. */
	NOT_SET_UP(HttpStatus.UNAUTHORIZED, "Not set up yet", false),

	/** Too many failed log-ins just before; {@code Retry-After} says how long to wait. */
	TOO_MANY_LOG_INS(HttpStatus.TOO_MANY_REQUESTS, "Too many failed log-ins", true),

	/** Not allowed, e.g. an administrator's call from another account. */
	FORBIDDEN(HttpStatus.FORBIDDEN, "Forbidden", false),

	/** A browser's call without the page's CSRF token. */
	CSRF_TOKEN_MISSING(HttpStatus.FORBIDDEN, "Forbidden", false),

	/** The username is taken. */
	USERNAME_TAKEN(HttpStatus.CONFLICT, "Conflict", false),

	/** The person has a preset of that name already. */
	PRESET_NAME_TAKEN(HttpStatus.CONFLICT, "Conflict", false),

	/** The administrator exists already. */
	ALREADY_SET_UP(HttpStatus.CONFLICT, "Conflict", false),

	/** Something only accounts have, asked for with accounts off. */
	ACCOUNTS_OFF(HttpStatus.CONFLICT, "Conflict", false),

	/**
	 * A send refused because the person spent what their daily or monthly limit allows;
	 * the detail says which limit, how much was spent and when it resets.
	 */
	LIMIT_REACHED(HttpStatus.PAYMENT_REQUIRED, "Spending limit reached", false),

	/**
	 * A send refused because the administrator lets the person use other models only; the
	 * detail names those allowed.
	 */
	MODEL_NOT_ALLOWED(HttpStatus.FORBIDDEN, "The model is not allowed", false),

	/** A share link asked for while the administrator has sharing off. */
	SHARING_OFF(HttpStatus.FORBIDDEN, "Sharing is off", false),

	// What was asked.

	/** The request is malformed or breaks a rule that its detail names. */
	INVALID_REQUEST(HttpStatus.BAD_REQUEST, "The request is invalid", false),

	/** The request named an endpoint that is not configured. */
	UNKNOWN_ENDPOINT(HttpStatus.BAD_REQUEST, "Unknown endpoint", false),

	/** An import file that cannot be taken; nothing of it was stored. */
	IMPORT_REJECTED(HttpStatus.BAD_REQUEST, "The file cannot be imported", false),

	/**
	 * An import file larger than {@code PONDER_IMPORT_MAX_SIZE}; nothing of it was read
	 * on.
	 */
	IMPORT_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "The file is too large to import", false),

	/** An attached file larger than {@code PONDER_ATTACHMENT_MAX_SIZE}. */
	ATTACHMENT_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "The file is too large", false),

	/**
	 * An attached file whose bytes are not an image, a PDF or text, whatever its name.
	 */
	ATTACHMENT_TYPE_UNSUPPORTED(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The file's type is not taken", false),

	/** More files with one question than {@code PONDER_ATTACHMENT_MAX_FILES}. */
	TOO_MANY_ATTACHMENTS(HttpStatus.BAD_REQUEST, "Too many files", false),

	/** A sent file, deleted on its own: it goes with its conversation. */
	ATTACHMENT_IN_USE(HttpStatus.CONFLICT, "The file is part of a message", false),

	/** Images sent to a model that its endpoint says cannot read them. */
	MODEL_CANNOT_READ_IMAGES(HttpStatus.UNPROCESSABLE_CONTENT, "The model cannot read images", false),

	/** Nothing has the id (or path) asked for. */
	NOT_FOUND(HttpStatus.NOT_FOUND, "Not found", false),

	/** The path exists, but not for this method. */
	METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", false),

	/** None of the media types the request accepts can be answered. */
	NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable", false),

	/** The body is larger than Ponder takes. */
	TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Too large", false),

	/** The body's media type is not one the endpoint reads. */
	UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", false),

	/** Ponder failed in a way it did not foresee; the log has the details. */
	INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong", true);

	private static final Map<String, ErrorCode> BY_CODE = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(ErrorCode::code, Function.identity()));

	private final HttpStatus status;

	private final String title;

	private final boolean retryable;

	ErrorCode(HttpStatus status, String title, boolean retryable) {
		this.status = status;
		this.title = title;
		this.retryable = retryable;
	}

	/** The code as scripts see it, e.g. {@code rate_limited}. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The status Ponder answers with when this code is a problem detail. */
	public HttpStatus status() {
		return this.status;
	}

	public String title() {
		return this.title;
	}

	/** Whether the same request may succeed if sent again later. */
	public boolean retryable() {
		return this.retryable;
	}

	/** The code a stored answer or a script names, if it is one of ours. */
	public static Optional<ErrorCode> of(String code) {
		return Optional.ofNullable((code != null) ? BY_CODE.get(code) : null);
	}

	/**
	 * The code of a refusal that Spring makes itself (an unreadable body, a method not
	 * allowed, …), which knows only its status.
	 */
	public static ErrorCode forStatus(HttpStatusCode status) {
		return switch (status.value()) {
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 413 -> TOO_LARGE;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			default -> status.is4xxClientError() ? INVALID_REQUEST : INTERNAL_ERROR;
		};
	}

	/**
	 * Problem details (RFC 9457) for this code with a sentence a person can act on.
	 */
	public ProblemDetail problem(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(this.status, detail);
		describe(problem);
		return problem;
	}

	/**
	 * Adds this code's type, title, {@code code} and {@code retryable} to problem details
	 * that Spring made, keeping their status and detail.
	 */
	public void describe(ProblemDetail problem) {
		problem.setType(URI.create("https://ponder.dev/problems/" + code().replace('_', '-')));
		problem.setTitle(this.title);
		problem.setProperty("code", code());
		problem.setProperty("retryable", this.retryable);
	}

}
