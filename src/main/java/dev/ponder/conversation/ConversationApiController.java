package dev.ponder.conversation;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.ponder.problem.ErrorCode;
import dev.ponder.problem.ProblemException;

/**
 * The JSON API of conversations: create, list and search, read, rename and pin, delete
 * and restore, and choose the branch a conversation follows.
 */
@RestController
@RequestMapping("/api")
class ConversationApiController {

	private final ConversationService conversations;

	private final MessageService messages;

	ConversationApiController(ConversationService conversations, MessageService messages) {
		this.conversations = conversations;
		this.messages = messages;
	}

	@PostMapping("/conversations")
	ResponseEntity<ConversationSummary> create(@Valid @RequestBody(required = false) NewConversation request) {
		ConversationSummary created = (request != null)
				? this.conversations.create(request.title(), request.systemPrompt()) : this.conversations.create(null);
		return ResponseEntity.created(URI.create("/api/conversations/" + created.id())).body(created);
	}

	/**
	 * A page of conversations, or with {@code q} the ones that match, each with where.
	 */
	@GetMapping("/conversations")
	List<?> list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) Integer limit) {
		int pageSize = clamp((size != null) ? size : (limit != null) ? limit : (q != null) ? 20 : 50);
		int pageNumber = Math.max(0, page);
		// The database counts rows to skip in an int: a page past that is no page at all.
		if ((long) pageNumber * pageSize > Integer.MAX_VALUE) {
			throw new ProblemException(ErrorCode.INVALID_REQUEST,
					"page " + page + " of " + pageSize + " is further than any list goes; ask for an earlier page.");
		}
		return (q != null && !q.isBlank()) ? this.conversations.search(q, pageNumber, pageSize)
				: this.conversations.page(pageNumber, pageSize);
	}

	@GetMapping("/conversations/{id}")
	ConversationDetails get(@PathVariable UUID id) {
		return this.conversations.find(id).orElseThrow(() -> NotFoundException.conversation(id));
	}

	@PatchMapping("/conversations/{id}")
	ConversationSummary update(@PathVariable UUID id, @Valid @RequestBody ConversationPatch patch) {
		return this.conversations.update(id, patch);
	}

	@DeleteMapping("/conversations/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		this.conversations.delete(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/conversations/{id}/restore")
	ConversationSummary restore(@PathVariable UUID id) {
		return this.conversations.restore(id);
	}

	/** Follows the branch through this message from now on. */
	@PostMapping("/messages/{messageId}/select")
	ConversationDetails select(@PathVariable UUID messageId) {
		UUID conversation = this.messages.select(messageId);
		return this.conversations.find(conversation).orElseThrow(() -> NotFoundException.conversation(conversation));
	}

	/** The answers made side by side with this one (a compare), in column order. */
	@GetMapping("/messages/{messageId}/compare")
	List<MessageView> compare(@PathVariable UUID messageId) {
		return this.conversations
			.compareColumns(this.messages.visible(messageId).orElseThrow(() -> NotFoundException.message(messageId)));
	}

	private static int clamp(int size) {
		return Math.max(1, Math.min(size, 200));
	}

	/**
	 * An optional title for a new conversation (it is otherwise named after its first
	 * message), and an optional system prompt.
	 */
	record NewConversation(
			@Size(max = Conversation.MAX_TITLE_LENGTH,
					message = "The title is longer than 200 characters.") String title,
			@Size(max = Conversation.MAX_SYSTEM_PROMPT_LENGTH,
					message = "The system prompt is longer than 100,000 characters.") String systemPrompt) {
	}

}
