package dev.ponder.upstream;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How Ponder reaches OpenRouter (or any server speaking its API): where, with which key,
 * and how long it waits. Every field has an environment variable, e.g.
 * {@code OPENROUTER_API_KEY}, {@code OPENROUTER_IDLE_TIMEOUT}.
 *
 * @param apiKey the secret key; may be absent, in which case sending is refused but saved
 * conversations stay readable
 * @param baseUrl the API root, {@code /chat/completions} is appended
 * @param appUrl sent as {@code HTTP-Referer} for OpenRouter's attribution
 * @param appTitle sent as {@code X-Title} for OpenRouter's attribution
 * @param connectTimeout how long to wait for the TCP connection
 * @param firstByteTimeout how long to wait for the response and its first event
 * (keep-alive comments count)
 * @param idleTimeout how long the stream may stay silent between two events (keep-alive
 * comments count)
 * @param retry how a call that never started is tried again, on every endpoint
 */
@Validated
@ConfigurationProperties("openrouter")
public record OpenRouterProperties(String apiKey, @NotNull @DefaultValue("https://openrouter.ai/api/v1") URI baseUrl,
		@DefaultValue("http://localhost:8080") String appUrl, @DefaultValue("Ponder") String appTitle,
		@NotNull @DefaultValue("10s") Duration connectTimeout, @NotNull @DefaultValue("60s") Duration firstByteTimeout,
		@NotNull @DefaultValue("120s") Duration idleTimeout, @Valid @NotNull @DefaultValue Retry retry) {

	/** Whether a key is set at all (it may still be wrong). */
	public boolean hasApiKey() {
		return this.apiKey != null && !this.apiKey.isBlank();
	}

	/**
	 * How a call that never started (the upstream could not be reached, or answered 429,
	 * 502 or 503 before the answer's first byte) is tried again. Nothing is tried again
	 * once a byte of the answer has arrived: that would be paid for twice.
	 *
	 * @param maxAttempts how many times such a call is tried again; 0 never
	 * @param firstBackoff the wait before the first retry, doubled before each next one
	 * ({@code Retry-After} wins when it is longer)
	 * @param maxWait the most all the waits of one call may add up to; a retry that would
	 * wait past it is not made
	 */
	public record Retry(@Min(0) @DefaultValue("3") int maxAttempts, @NotNull @DefaultValue("2s") Duration firstBackoff,
			@NotNull @DefaultValue("60s") Duration maxWait) {
	}

	/** Never print the key, even by accident in a log line of the properties. */
	@Override
	public String toString() {
		return "OpenRouterProperties[baseUrl=" + this.baseUrl + ", apiKey=" + (hasApiKey() ? "(set)" : "(not set)")
				+ "]";
	}

}
