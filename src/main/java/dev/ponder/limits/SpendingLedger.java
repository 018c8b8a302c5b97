package dev.ponder.limits;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.ponder.conversation.MessageView;

/**
 * Writes what an answer cost into the spending ledger in the transaction that ends it. In
 * one transaction, the answer stops being held against its person's limits (it no longer
 * streams) exactly when its cost starts to count, and that cost outlives the answer's
 * conversation, which the trash purges within a minute of a delete.
 */
@Component
public class SpendingLedger {

	private final SpendingStore store;

	private final TransactionTemplate transactions;

	SpendingLedger(SpendingStore store, PlatformTransactionManager transactions) {
		this.store = store;
		this.transactions = new TransactionTemplate(transactions);
	}

	/** Ends the answer with {@code finish} and records its cost, if it has one. */
	public Optional<MessageView> recorded(Supplier<Optional<MessageView>> finish) {
		return this.transactions.execute((status) -> {
			Optional<MessageView> ended = finish.get();
			ended.filter((answer) -> answer.usage() != null && answer.usage().cost() != null)
				.ifPresent((answer) -> this.store.record(answer.id(), answer.conversationId(), answer.createdAt(),
						answer.usage().cost()));
			return ended;
		});
	}

}
