package dev.ponder.chat;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.ponder.PonderProperties;
import dev.ponder.attachment.AttachmentService;
import dev.ponder.attachment.AttachmentView;
import dev.ponder.conversation.ConversationDetails;
import dev.ponder.conversation.ConversationService;
import dev.ponder.conversation.ConversationSummary;
import dev.ponder.conversation.MessageView;
import dev.ponder.conversation.SidebarGroup;
import dev.ponder.conversation.NotFoundException;
import dev.ponder.problem.ProblemException;
import dev.ponder.upstream.UpstreamClients;
import dev.ponder.upstream.UpstreamException;

/**
 * The chat page, and sending from it without JavaScript: the form posts, the answer runs
 * on, and the page is shown again.
 */
@Controller
class ChatPageController {

	private final ConversationService conversations;

	private final ChatService chat;

	private final UpstreamClients clients;

	private final PonderProperties properties;

	private final Validator validator;

	private final Clock clock;

	private final AttachmentService attachments;

	ChatPageController(ConversationService conversations, ChatService chat, UpstreamClients clients,
			PonderProperties properties, Validator validator, Clock clock, AttachmentService attachments) {
		this.attachments = attachments;
		this.conversations = conversations;
		this.chat = chat;
		this.clients = clients;
		this.properties = properties;
		this.validator = validator;
		this.clock = clock;
	}

	@GetMapping("/")
	String newChat(@RequestParam(required = false) String q, ZoneId zone, Model model) {
		return page(model, null, q, zone);
	}

	/**
	 * A conversation along the branch it follows, or, with {@code at}, the branch through
	 * that message.
	 */
	@GetMapping("/c/{id}")
	String conversation(@PathVariable UUID id, @RequestParam(required = false) UUID at,
			@RequestParam(required = false) String q, ZoneId zone, Model model) {
		return page(model, this.conversations.find(id, at).orElseThrow(() -> NotFoundException.conversation(id)), q,
				zone);
	}

	/**
	 * The first message of a new conversation, with the system prompt it starts with, if
	 * any; a multipart form may carry {@code files} with it. Everything that can be
	 * checked is checked before anything is stored: a refused message leaves no
	 * conversation and no file behind, and its text and system prompt go back to the
	 * form.
	 */
	@PostMapping("/c")
	String sendFirst(@RequestParam(defaultValue = "") String content, @RequestParam(required = false) String model,
			@RequestParam(required = false) String effort, @RequestParam(required = false) String endpoint,
			@RequestParam(required = false) String systemPrompt,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect) {
		Draft draft = new Draft(content, systemPrompt);
		SendMessageRequest typed = request(content, model, effort, endpoint, systemPrompt, List.of());
		String problem = problem(typed);
		if (problem != null) {
			return back("/", problem, draft, redirect);
		}
		List<UUID> kept;
		try {
			kept = checkedAndKept(typed, files);
		}
		catch (ProblemException ex) {
			return refused("/", ex, draft, redirect);
		}
		// The conversation starts with its system prompt: the message need not set it
		// again.
		UUID conversationId = this.conversations.create(null, systemPrompt).id();
		return send(conversationId, request(content, model, effort, endpoint, null, kept), redirect);
	}

	@PostMapping("/c/{id}/messages")
	String sendNext(@PathVariable UUID id, @RequestParam(defaultValue = "") String content,
			@RequestParam(required = false) String model, @RequestParam(required = false) String effort,
			@RequestParam(required = false) String endpoint,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect) {
		this.conversations.find(id).orElseThrow(() -> NotFoundException.conversation(id));
		Draft draft = new Draft(content, null);
		SendMessageRequest typed = request(content, model, effort, endpoint, null, List.of());
		String problem = problem(typed);
		if (problem != null) {
			return back("/c/" + id, problem, draft, redirect);
		}
		List<UUID> kept;
		try {
			kept = checkedAndKept(typed, files);
		}
		catch (ProblemException ex) {
			return refused("/c/" + id, ex, draft, redirect);
		}
		return send(id, request(content, model, effort, endpoint, null, kept), redirect);
	}

	/**
	 * The form's files, kept once they and the message are known to be sendable (how
	 * many, their sizes and types, and whether the model reads them); a file input left
	 * empty sends an empty part.
	 */
	private List<UUID> checkedAndKept(SendMessageRequest typed, List<MultipartFile> files) {
		List<MultipartFile> chosen = (files != null) ? files.stream().filter((file) -> !file.isEmpty()).toList()
				: List.of();
		this.chat.checkSendable(typed, this.attachments.describeUploads(chosen));
		return this.attachments.uploadAll(chosen).stream().map(AttachmentView::id).toList();
	}

	private String send(UUID conversationId, SendMessageRequest request, RedirectAttributes redirect) {
		try {
			this.chat.send(conversationId, request);
			return "redirect:/c/" + conversationId + "#end";
		}
		catch (ProblemException ex) {
			return refused("/c/" + conversationId, ex, new Draft(request.content(), null), redirect);
		}
	}

	/**
	 * A refusal with a sentence (no key, an unknown endpoint, a file refused) goes back
	 * to the page with the draft; an unknown conversation is not found.
	 */
	private static String refused(String path, ProblemException ex, Draft draft, RedirectAttributes redirect) {
		if (ex instanceof NotFoundException) {
			throw ex;
		}
		return back(path, ex.getBody().getDetail(), draft, redirect);
	}

	/**
	 * The sidebar's days are the person's ({@code zone}), the one the page's script
	 * regroups in too.
	 */
	private String page(Model model, ConversationDetails conversation, String query, ZoneId zone) {
		int size = this.properties.sidebarSize();
		List<ConversationSummary> sidebar = this.conversations.page(0, size + 1);
		List<ConversationSummary> shown = sidebar.subList(0, Math.min(size, sidebar.size()));
		model.addAttribute("sidebar", shown);
		model.addAttribute("sidebarGroups", SidebarGroup.of(shown, this.clock.instant(), zone));
		model.addAttribute("sidebarHasMore", sidebar.size() > size);
		boolean searching = query != null && !query.isBlank();
		model.addAttribute("query", searching ? query.strip() : null);
		model.addAttribute("searchResults", searching ? this.conversations.search(query, 0, 20) : List.of());
		model.addAttribute("conversation", (conversation != null) ? ConversationItem.of(conversation) : null);
		model.addAttribute("messages",
				(conversation != null) ? conversation.messages().stream().map(this::item).toList() : List.of());
		model.addAttribute("composer", Composer.of(conversation, this.properties));
		boolean keyConfigured = this.clients.openRouter().isConfigured();
		model.addAttribute("keyConfigured", keyConfigured);
		// The server's own sentence, so that the page refuses to send in the same words.
		model.addAttribute("missingKey", keyConfigured ? null : UpstreamException.MissingKey.SENTENCE);
		return "conversation/page";
	}

	/**
	 * An answer of a compare comes with all its columns, to be shown side by side again.
	 */
	private MessageItem item(MessageView message) {
		return (message.compare() != null) ? MessageItem.of(message, this.conversations.compareColumns(message))
				: MessageItem.of(message);
	}

	private static SendMessageRequest request(String content, String model, String effort, String endpoint,
			String systemPrompt, List<UUID> attachments) {
		String choice = (effort == null || effort.isBlank()) ? null : effort;
		return new SendMessageRequest(content, (model == null || model.isBlank()) ? null : model.strip(),
				(choice != null) ? ReasoningOptions.fromChoice(choice) : null, null, null,
				(endpoint == null || endpoint.isBlank()) ? null : endpoint.strip(), null, null, attachments,
				(systemPrompt == null || systemPrompt.isBlank()) ? null : systemPrompt);
	}

	private String problem(SendMessageRequest request) {
		return this.validator.validate(request)
			.stream()
			.map(ConstraintViolation::getMessage)
			.sorted()
			.findFirst()
			.orElse(null);
	}

	/**
	 * Back to the page with the error shown and what was typed still in the form: the
	 * message, and a new chat's system prompt.
	 */
	private static String back(String path, String problem, Draft draft, RedirectAttributes redirect) {
		redirect.addFlashAttribute("formError", problem);
		redirect.addFlashAttribute("draft", draft.content());
		if (draft.systemPrompt() != null) {
			redirect.addFlashAttribute("systemPrompt", draft.systemPrompt());
		}
		return "redirect:" + path;
	}

	/** What a person typed into the form, given back when it is refused. */
	private record Draft(String content, String systemPrompt) {
	}

}
