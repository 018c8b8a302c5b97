package dev.ponder.upstream;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The OpenAI-style servers besides OpenRouter, under {@code ponder.endpoints.<name>}: in
 * {@code application.yml}, or as {@code PONDER_ENDPOINTS_<NAME>_BASEURL} and
 * {@code PONDER_ENDPOINTS_<NAME>_APIKEY} (the name is the map key, in lower case).
 *
 * @param endpoints the servers by name
 */
@Validated
@ConfigurationProperties("ponder")
public record EndpointsProperties(@DefaultValue Map<String, @Valid Server> endpoints) {

	/**
	 * One server.
	 *
	 * @param baseUrl the API root, such as {@code http://localhost:11434/v1}
	 * @param apiKey its key, if it wants one; sent to this server only
	 * @param connectTimeout how long to wait for the connection; OpenRouter's when absent
	 * @param firstByteTimeout how long to wait for the first event (a local model may
	 * load first); OpenRouter's when absent
	 * @param idleTimeout how long a stream may stay silent; OpenRouter's when absent
	 */
	public record Server(
			@NotNull(message = "Every endpoint needs a base URL (PONDER_ENDPOINTS_<NAME>_BASEURL).") URI baseUrl,
			String apiKey, Duration connectTimeout, Duration firstByteTimeout, Duration idleTimeout) {

		@Override
		public String toString() {
			return "Server[" + this.baseUrl + ", apiKey=" + ((this.apiKey != null) ? "(set)" : "(not set)") + "]";
		}

	}

}
