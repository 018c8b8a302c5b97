package dev.ponder.upstream;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * One OpenAI-style server Ponder talks to: its name (the map key under
 * {@code ponder.endpoints}, or {@code openrouter}), where it is, its key if it needs one,
 * and how long to wait for it.
 *
 * @param name lower-case letters and digits, as in
 * {@code PONDER_ENDPOINTS_<NAME>_BASEURL}
 * @param baseUrl the API root; {@code /chat/completions}, {@code /models} are appended
 * @param apiKey the key sent to this endpoint and to no other; may be absent
 * @param timeouts how long to wait for this endpoint
 * @param attribution the app attribution headers, sent to OpenRouter only; {@code null}
 * elsewhere
 */
public record Endpoint(String name, URI baseUrl, String apiKey, Timeouts timeouts, Attribution attribution) {

	/** The name of the endpoint set by the {@code OPENROUTER_*} variables. */
	public static final String OPENROUTER = "openrouter";

	/** Whether a key is set at all (it may still be wrong). */
	public boolean hasApiKey() {
		return this.apiKey != null && !this.apiKey.isBlank();
	}

	public boolean isOpenRouter() {
		return OPENROUTER.equals(this.name);
	}

	/** OpenRouter needs a key to answer; other servers often run without one. */
	public boolean canSend() {
		return !isOpenRouter() || hasApiKey();
	}

	/** How people know it: "OpenRouter", or the endpoint's own name. */
	public String displayName() {
		return isOpenRouter() ? "OpenRouter" : this.name;
	}

	/** The environment variable that sets this endpoint's key. */
	public String keyVariable() {
		return isOpenRouter() ? "OPENROUTER_API_KEY" : variablePrefix() + "APIKEY";
	}

	/** The environment variable that sets this endpoint's base URL. */
	public String baseUrlVariable() {
		return isOpenRouter() ? "OPENROUTER_BASE_URL" : variablePrefix() + "BASEURL";
	}

	/** The base URL without any user name or password it may carry, fit to show. */
	public String displayUrl() {
		if (this.baseUrl.getUserInfo() == null) {
			return this.baseUrl.toString();
		}
		return this.baseUrl.toString().replace(this.baseUrl.getRawUserInfo() + "@", "");
	}

	private String variablePrefix() {
		return "PONDER_ENDPOINTS_" + this.name.toUpperCase(Locale.ROOT) + "_";
	}

	/** Never print the key, even by accident in a log line. */
	@Override
	public String toString() {
		return "Endpoint[" + this.name + " " + displayUrl() + ", apiKey=" + (hasApiKey() ? "(set)" : "(not set)") + "]";
	}

	/**
	 * How long to wait for the connection, for the response and its first event, and
	 * between two events of a stream (keep-alive comments count).
	 */
	public record Timeouts(Duration connect, Duration firstByte, Duration idle) {
	}

	/** OpenRouter's app attribution: {@code HTTP-Referer} and {@code X-Title}. */
	public record Attribution(String appUrl, String appTitle) {
	}

}
