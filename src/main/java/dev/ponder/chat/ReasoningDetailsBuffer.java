package dev.ponder.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.ponder.upstream.ReasoningDetail;

/**
 * Collects the raw {@code reasoning_details} of one answer. They stream as fragments of
 * the same block (same type and index), so fragments are joined back into whole blocks:
 * that is the form in which models want them returned.
 */
final class ReasoningDetailsBuffer {

	private final List<ReasoningDetail> blocks = new ArrayList<>();

	void add(List<ReasoningDetail> fragments) {
		for (ReasoningDetail fragment : fragments) {
			ReasoningDetail last = this.blocks.isEmpty() ? null : this.blocks.get(this.blocks.size() - 1);
			if (last != null && Objects.equals(last.type(), fragment.type())
					&& Objects.equals(last.index(), fragment.index())) {
				this.blocks.set(this.blocks.size() - 1, join(last, fragment));
			}
			else {
				this.blocks.add(fragment);
			}
		}
	}

	boolean isEmpty() {
		return this.blocks.isEmpty();
	}

	List<ReasoningDetail> blocks() {
		return List.copyOf(this.blocks);
	}

	private static ReasoningDetail join(ReasoningDetail first, ReasoningDetail next) {
		return new ReasoningDetail(first.type(), concat(first.text(), next.text()),
				concat(first.summary(), next.summary()), concat(first.data(), next.data()),
				latest(first.signature(), next.signature()), latest(first.id(), next.id()),
				latest(first.format(), next.format()), first.index());
	}

	private static String concat(String first, String next) {
		if (first == null) {
			return next;
		}
		return (next == null) ? first : first + next;
	}

	private static String latest(String first, String next) {
		return (next != null) ? next : first;
	}

}
