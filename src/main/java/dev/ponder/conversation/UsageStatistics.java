package dev.ponder.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.ponder.account.CurrentOwner;
import dev.ponder.account.Owner;

/**
 * What the stored answers used, as their upstreams reported it: by model, and answer by
 * answer over a period. Answers still streaming are left out.
 */
@Service
@Transactional(readOnly = true)
public class UsageStatistics {

	private final MessageRepository messages;

	private final CurrentOwner owner;

	public UsageStatistics(MessageRepository messages, CurrentOwner owner) {
		this.messages = messages;
		this.owner = owner;
	}

	/** Every model ever used, the most expensive first. */
	public List<ModelUsage> byModel() {
		Owner current = this.owner.get();
		return this.messages.usageByModel(current.isEveryone(), ownerOrNobody(current));
	}

	/** The finished answers asked for since {@code since}, oldest first. */
	public List<AnswerUsage> answersSince(Instant since) {
		Owner current = this.owner.get();
		return this.messages.usageSince(since, current.isEveryone(), ownerOrNobody(current));
	}

	/**
	 * A typed id even for everyone: PostgreSQL cannot tell the type of a bare null
	 * parameter.
	 */
	private static UUID ownerOrNobody(Owner owner) {
		return owner.isEveryone() ? new UUID(0, 0) : owner.accountId();
	}

}
