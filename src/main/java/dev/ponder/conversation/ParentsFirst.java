package dev.ponder.conversation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The messages of one imported conversation in an order that stores every parent before
 * its children, each with its depth (its distance from the root), found in one pass over
 * a parent → children map. Messages that no root leads to (their parents form a loop) are
 * left out.
 *
 * @param placed the messages reached from a root, parents first
 */
record ParentsFirst(List<Placed> placed) {

	/** A message and how many ancestors it has. */
	record Placed(ExportFile.Message message, int depth) {
	}

	static ParentsFirst of(List<ExportFile.Message> messages) {
		Map<UUID, List<ExportFile.Message>> children = new HashMap<>();
		Deque<Placed> next = new ArrayDeque<>();
		for (ExportFile.Message message : messages) {
			if (message.parentId() == null) {
				next.add(new Placed(message, 0));
			}
			else {
				children.computeIfAbsent(message.parentId(), (id) -> new ArrayList<>()).add(message);
			}
		}
		List<Placed> placed = new ArrayList<>(messages.size());
		while (!next.isEmpty()) {
			Placed parent = next.poll();
			placed.add(parent);
			children.getOrDefault(parent.message().id(), List.of())
				.forEach((child) -> next.add(new Placed(child, parent.depth() + 1)));
		}
		return new ParentsFirst(placed);
	}

}
