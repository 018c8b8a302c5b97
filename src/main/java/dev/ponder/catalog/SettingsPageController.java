package dev.ponder.catalog;

import java.time.Duration;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.ponder.PonderProperties;
import dev.ponder.account.AccountSection;
import dev.ponder.settings.AppSettings;
import dev.ponder.share.ShareService;

/**
 * The settings page: the endpoints and whether each answers, the OpenRouter key's status
 * (never the key), the defaults, and the relay's prompt template. Settings themselves
 * live in the environment, but for that template.
 */
@Controller
class SettingsPageController {

	private final ModelCatalog catalog;

	private final KeyStatusService keys;

	private final PonderProperties properties;

	private final CatalogProperties catalogProperties;

	private final AccountSection account;

	private final AppSettings appSettings;

	private final ShareService shares;

	SettingsPageController(ModelCatalog catalog, KeyStatusService keys, PonderProperties properties,
			CatalogProperties catalogProperties, AccountSection account, AppSettings appSettings, ShareService shares) {
		this.shares = shares;
		this.account = account;
		this.appSettings = appSettings;
		this.catalog = catalog;
		this.keys = keys;
		this.properties = properties;
		this.catalogProperties = catalogProperties;
	}

	@GetMapping("/settings")
	String settings(Model model) {
		model.addAttribute("section", "settings");
		model.addAttribute("endpoints", this.catalog.endpoints());
		model.addAttribute("key", this.keys.status());
		model.addAttribute("defaults", this.properties);
		model.addAttribute("refreshEvery", words(this.catalogProperties.refreshInterval()));
		model.addAttribute("account", this.account.current().orElse(null));
		model.addAttribute("relayTemplate", this.appSettings.relayTemplate());
		model.addAttribute("shareLinks", this.shares.list());
		return "catalog/settings";
	}

	private static String words(Duration interval) {
		if (interval.toMinutes() < 1) {
			return interval.toSeconds() + " s";
		}
		return (interval.toMinutesPart() == 0 && interval.toHours() > 0) ? interval.toHours() + " h"
				: interval.toMinutes() + " min";
	}

	/** Asks every endpoint for its models now; works without JavaScript. */
	@PostMapping("/settings/refresh")
	String refresh(RedirectAttributes redirect) {
		this.catalog.refresh();
		this.keys.forget();
		redirect.addFlashAttribute("refreshed", true);
		return "redirect:/settings";
	}

}
