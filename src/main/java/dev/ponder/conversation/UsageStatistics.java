package dev.ponder.conversation;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the stored answers used, as their upstreams reported it: by model, and answer by
 * answer over a period. Answers still streaming are left out.
 */
@Service
@Transactional(readOnly = true)
public class UsageStatistics {

	private final MessageRepository messages;

	public UsageStatistics(MessageRepository messages) {
		this.messages = messages;
	}

	/** Every model ever used, the most expensive first. */
	public List<ModelUsage> byModel() {
		return this.messages.usageByModel();
	}

	/** The finished answers asked for since {@code since}, oldest first. */
	public List<AnswerUsage> answersSince(Instant since) {
		return this.messages.usageSince(since);
	}

}
