package dev.ponder.upstream;

import java.net.URI;
import java.time.Duration;

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
 */
@Validated
@ConfigurationProperties("openrouter")
public record OpenRouterProperties(String apiKey, @NotNull @DefaultValue("https://openrouter.ai/api/v1") URI baseUrl,
		@DefaultValue("http://localhost:8080") String appUrl, @DefaultValue("Ponder") String appTitle,
		@NotNull @DefaultValue("10s") Duration connectTimeout, @NotNull @DefaultValue("60s") Duration firstByteTimeout,
		@NotNull @DefaultValue("120s") Duration idleTimeout) {

	/** Whether a key is set at all (it may still be wrong). */
	public boolean hasApiKey() {
		return this.apiKey != null && !this.apiKey.isBlank();
	}

	/** Never print the key, even by accident in a log line of the properties. */
	@Override
	public String toString() {
		return "OpenRouterProperties[baseUrl=" + this.baseUrl + ", apiKey=" + (hasApiKey() ? "(set)" : "(not set)")
				+ "]";
	}

}
