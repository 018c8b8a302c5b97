package dev.ponder.relay;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Changes the relay's prompt template from the settings page's form, without JavaScript:
 * saves it (or goes back to the default) and shows the settings page again, with what was
 * wrong and the text as typed when it could not be saved.
 */
@Controller
class RelaySettingsPageController {

	private final RelayPrompt prompt;

	RelaySettingsPageController(RelayPrompt prompt) {
		this.prompt = prompt;
	}

	@PostMapping("/settings/relay")
	String change(@RequestParam(defaultValue = "") String template, @RequestParam(defaultValue = "false") boolean reset,
			RedirectAttributes redirect) {
		try {
			this.prompt.changeTemplate(reset ? "" : template);
			redirect.addFlashAttribute("relaySaved", true);
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("relayError", ex.getMessage());
			redirect.addFlashAttribute("relayTemplateDraft", template);
		}
		return "redirect:/settings#relay";
	}

}
