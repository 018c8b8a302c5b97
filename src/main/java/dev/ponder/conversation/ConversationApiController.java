package dev.ponder.conversation;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON API of conversations: create, list, read, delete.
 */
@RestController
@RequestMapping("/api/conversations")
class ConversationApiController {

	private final ConversationService conversations;

	ConversationApiController(ConversationService conversations) {
		this.conversations = conversations;
	}

	@PostMapping
	ResponseEntity<ConversationSummary> create(@Valid @RequestBody(required = false) NewConversation request) {
		ConversationSummary created = this.conversations.create((request != null) ? request.title() : null);
		return ResponseEntity.created(URI.create("/api/conversations/" + created.id())).body(created);
	}

	@GetMapping
	List<ConversationSummary> list(@RequestParam(defaultValue = "100") int limit) {
		return this.conversations.recent(Math.max(1, Math.min(limit, 1000)));
	}

	@GetMapping("/{id}")
	ConversationDetails get(@PathVariable UUID id) {
		return this.conversations.find(id).orElseThrow(() -> NotFoundException.conversation(id));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		this.conversations.delete(id);
		return ResponseEntity.noContent().build();
	}

	/**
	 * An optional title for a new conversation; it is otherwise named after its first
	 * message.
	 */
	record NewConversation(@Size(max = Conversation.MAX_TITLE_LENGTH,
			message = "The title is longer than 200 characters.") String title) {
	}

}
