package dev.ponder.preset;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.ponder.chat.Composer;
import dev.ponder.conversation.Conversation;
import dev.ponder.problem.ProblemException;

/**
 * The presets page: each preset as a form to rename and edit, or delete. Plain forms, so
 * that it works without a script; the script only asks before a delete.
 */
@Controller
class PresetPageController {

	private final PresetService presets;

	private final Validator validator;

	PresetPageController(PresetService presets, Validator validator) {
		this.presets = presets;
		this.validator = validator;
	}

	@GetMapping("/presets")
	String page(Model model) {
		model.addAttribute("section", "presets");
		model.addAttribute("presets", this.presets.list());
		model.addAttribute("canShare", this.presets.canShare());
		model.addAttribute("efforts", Composer.EFFORTS);
		model.addAttribute("systemPromptMaxLength", Conversation.MAX_SYSTEM_PROMPT_LENGTH);
		return "preset/page";
	}

	@PostMapping("/presets/{id}")
	String update(@PathVariable UUID id, PresetForm form, RedirectAttributes redirect) {
		try {
			PresetDraft draft = form.draft();
			Set<ConstraintViolation<PresetDraft>> violations = this.validator.validate(draft);
			if (!violations.isEmpty()) {
				return refused(id, form, violations.iterator().next().getMessage(), redirect);
			}
			PresetView saved = this.presets.update(id, draft);
			redirect.addFlashAttribute("saved", saved.id());
		}
		catch (ProblemException ex) {
			return refused(id, form, ex.getMessage(), redirect);
		}
		return "redirect:/presets#preset-" + id;
	}

	@PostMapping("/presets/{id}/delete")
	String delete(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			this.presets.delete(id);
			redirect.addFlashAttribute("deleted", true);
		}
		catch (ProblemException ex) {
			// No card may be left to show it on (another tab deleted it): the page says
			// it.
			redirect.addFlashAttribute("pageFailure", ex.getMessage());
			return "redirect:/presets";
		}
		return "redirect:/presets";
	}

	/**
	 * Back to the card, with the sentence and what was typed (shown in place of the
	 * stored values).
	 */
	private static String refused(UUID id, PresetForm typed, String sentence, RedirectAttributes redirect) {
		redirect.addFlashAttribute("failed", id);
		redirect.addFlashAttribute("typed", typed);
		redirect.addFlashAttribute("failure", sentence);
		return "redirect:/presets#preset-" + id;
	}

}
