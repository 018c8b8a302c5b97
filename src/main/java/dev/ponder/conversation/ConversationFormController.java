package dev.ponder.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The plain forms behind the conversation menus, so that renaming, pinning, deleting,
 * choosing a branch and importing work without JavaScript too.
 */
@Controller
class ConversationFormController {

	private final ConversationService conversations;

	private final MessageService messages;

	private final ConversationImporter importer;

	private final Validator validator;

	ConversationFormController(ConversationService conversations, MessageService messages,
			ConversationImporter importer, Validator validator) {
		this.conversations = conversations;
		this.messages = messages;
		this.importer = importer;
		this.validator = validator;
	}

	@PostMapping("/c/{id}/rename")
	String rename(@PathVariable UUID id, @RequestParam(defaultValue = "") String title, RedirectAttributes redirect) {
		return patched(id, new ConversationPatch(title, null), redirect);
	}

	/** Sets the system prompt from the header's menu; an empty one removes it. */
	@PostMapping("/c/{id}/system-prompt")
	String systemPrompt(@PathVariable UUID id, @RequestParam(defaultValue = "") String systemPrompt,
			RedirectAttributes redirect) {
		return patched(id, ConversationPatch.systemPrompt(systemPrompt), redirect);
	}

	/**
	 * Turns "Let the model see its earlier reasoning" on or off from the header's menu.
	 */
	@PostMapping("/c/{id}/carry-reasoning")
	String carryReasoning(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean carryReasoning) {
		this.conversations.update(id, ConversationPatch.carryReasoning(carryReasoning));
		return "redirect:/c/" + id;
	}

	/**
	 * Changes the conversation, or sends the person back with what is wrong (the first of
	 * the sentences, always the same one).
	 */
	private String patched(UUID id, ConversationPatch patch, RedirectAttributes redirect) {
		String problem = this.validator.validate(patch)
			.stream()
			.map(ConstraintViolation::getMessage)
			.sorted()
			.findFirst()
			.orElse(null);
		if (problem != null) {
			redirect.addFlashAttribute("formError", problem);
		}
		else {
			this.conversations.update(id, patch);
		}
		return "redirect:/c/" + id;
	}

	@PostMapping("/c/{id}/pin")
	String pin(@PathVariable UUID id, @RequestParam(defaultValue = "true") boolean pinned) {
		this.conversations.update(id, new ConversationPatch(null, pinned));
		return "redirect:/c/" + id;
	}

	@PostMapping("/c/{id}/delete")
	String delete(@PathVariable UUID id, RedirectAttributes redirect) {
		this.conversations.delete(id);
		redirect.addFlashAttribute("notice", "Conversation deleted.");
		return "redirect:/";
	}

	@PostMapping("/messages/{id}/select")
	String select(@PathVariable UUID id) {
		UUID conversation = this.messages.select(id);
		return "redirect:/c/" + conversation + "#m-" + id;
	}

	@PostMapping("/import")
	String importFile(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
		try (InputStream body = file.getInputStream()) {
			ImportResult result = this.importer.importJson(body, file.getSize());
			redirect.addFlashAttribute("notice",
					"Imported " + result.imported() + " conversation" + ((result.imported() == 1) ? "" : "s")
							+ ((result.skipped() > 0) ? "; " + result.skipped() + " already here, skipped." : "."));
		}
		catch (ImportRejectedException | ImportTooLargeException ex) {
			redirect.addFlashAttribute("formError", ex.getMessage());
		}
		return "redirect:/";
	}

}
