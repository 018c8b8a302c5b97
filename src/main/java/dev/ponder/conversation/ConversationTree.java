package dev.ponder.conversation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The messages of one conversation as the tree that branches make of them: each message
 * follows its parent, and messages with the same parent are siblings (an answer
 * regenerated, a question edited). A conversation shows one path through it, from a root
 * to a leaf.
 */
final class ConversationTree {

	private static final Comparator<Message> OLDEST_FIRST = Comparator.comparing(Message::getCreatedAt)
		.thenComparing(Message::getPosition)
		.thenComparing((message) -> message.getRole() == MessageRole.ASSISTANT)
		.thenComparing(Message::getId);

	private final Map<UUID, Message> byId = new HashMap<>();

	private final Map<UUID, List<Message>> childrenByParent = new HashMap<>();

	private final List<Message> roots = new ArrayList<>();

	ConversationTree(List<Message> messages) {
		for (Message message : messages) {
			this.byId.put(message.getId(), message);
		}
		for (Message message : messages) {
			if (message.getParentId() == null || !this.byId.containsKey(message.getParentId())) {
				this.roots.add(message);
			}
			else {
				this.childrenByParent.computeIfAbsent(message.getParentId(), (id) -> new ArrayList<>()).add(message);
			}
		}
		this.roots.sort(OLDEST_FIRST);
		this.childrenByParent.values().forEach((children) -> children.sort(OLDEST_FIRST));
	}

	Optional<Message> get(UUID id) {
		return Optional.ofNullable(this.byId.get(id));
	}

	boolean isEmpty() {
		return this.byId.isEmpty();
	}

	/**
	 * The path the conversation shows: through {@code through} when given (a search hit,
	 * a chosen sibling), else ending at the stored leaf, else along the newest branch.
	 */
	List<Message> path(UUID through, UUID activeLeaf) {
		Message start = (through != null) ? this.byId.get(through) : null;
		if (start == null && activeLeaf != null) {
			start = this.byId.get(activeLeaf);
		}
		if (start == null) {
			if (this.roots.isEmpty()) {
				return List.of();
			}
			start = this.roots.get(this.roots.size() - 1);
		}
		return pathFromRoot(newestLeafUnder(start));
	}

	/** Follows the newest child down from a message to the end of its branch. */
	Message newestLeafUnder(Message message) {
		Message current = message;
		List<Message> children = this.childrenByParent.get(current.getId());
		while (children != null && !children.isEmpty()) {
			current = children.get(children.size() - 1);
			children = this.childrenByParent.get(current.getId());
		}
		return current;
	}

	List<Message> pathFromRoot(Message leaf) {
		List<Message> path = new ArrayList<>();
		Message current = leaf;
		while (current != null && path.size() <= this.byId.size()) {
			path.add(current);
			current = (current.getParentId() != null) ? this.byId.get(current.getParentId()) : null;
		}
		Collections.reverse(path);
		return path;
	}

	/** Where a message stands among its siblings. */
	MessageView.Siblings siblingsOf(Message message) {
		List<Message> siblings = (message.getParentId() != null && this.byId.containsKey(message.getParentId()))
				? this.childrenByParent.getOrDefault(message.getParentId(), List.of(message)) : this.roots;
		int index = siblings.indexOf(message);
		UUID previous = (index > 0) ? siblings.get(index - 1).getId() : null;
		UUID next = (index < siblings.size() - 1) ? siblings.get(index + 1).getId() : null;
		return new MessageView.Siblings(index + 1, siblings.size(), previous, next);
	}

	List<Message> all() {
		return List.copyOf(this.byId.values());
	}

}
