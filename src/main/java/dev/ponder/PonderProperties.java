package dev.ponder;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Ponder's own settings, each with an environment variable ({@code PONDER_DEFAULT_MODEL},
 * …).
 *
 * @param defaultModel the model the composer starts with
 * @param defaultEffort the reasoning level the composer starts with
 * @param checkpointInterval how often a streaming answer is saved
 * @param sidebarSize how many conversations the sidebar lists
 * @param defaultEndpoint the endpoint of the default model, and of requests that name
 * none
 */
@Validated
@ConfigurationProperties("ponder")
public record PonderProperties(@NotBlank @DefaultValue("deepseek/deepseek-r1") String defaultModel,
		@NotBlank @DefaultValue("medium") String defaultEffort,
		@NotNull @DefaultValue("1s") Duration checkpointInterval,
		@Positive @Max(1000) @DefaultValue("100") int sidebarSize,
		@NotBlank @DefaultValue("openrouter") String defaultEndpoint) {
}
