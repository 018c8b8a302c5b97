package dev.ponder.relay;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.ponder.problem.ErrorCode;
import dev.ponder.problem.ProblemException;

import dev.ponder.settings.AppSettings;

/**
 * Reads and changes the relay's prompt template: {@code GET} and
 * {@code PUT /api/settings/relay}.
 */
@RestController
@RequestMapping("/api/settings/relay")
class RelaySettingsController {

	private final RelayPrompt prompt;

	RelaySettingsController(RelayPrompt prompt) {
		this.prompt = prompt;
	}

	@GetMapping
	RelaySettings get() {
		return new RelaySettings(this.prompt.template(), AppSettings.DEFAULT_RELAY_TEMPLATE);
	}

	@PutMapping
	RelaySettings change(@RequestBody RelaySettings settings) {
		try {
			return new RelaySettings(this.prompt.changeTemplate(settings.template()),
					AppSettings.DEFAULT_RELAY_TEMPLATE);
		}
		catch (IllegalArgumentException ex) {
			throw new ProblemException(ErrorCode.INVALID_REQUEST, ex.getMessage());
		}
	}

	/** The template in force and the default it replaces. */
	record RelaySettings(String template, String defaultTemplate) {
	}

}
