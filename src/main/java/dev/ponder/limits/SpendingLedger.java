package dev.ponder.limits;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.ponder.catalog.CatalogModel;
import dev.ponder.catalog.ModelCatalog;
import dev.ponder.conversation.MessageStatus;
import dev.ponder.conversation.MessageView;

/**
 * Writes what an answer cost into the spending ledger in the transaction that ends it. In
 * one transaction, the answer stops being held against its person's limits (it no longer
 * streams) exactly when its cost starts to count, and that cost outlives the answer's
 * conversation, which the trash purges within a minute of a delete.
 *
 * <p>
 * The upstream bills an answer that was stopped (the Stop button, a deleted conversation,
 * an API client that hung up) or cut short by a crash, though it reports no cost for it:
 * such an answer counts by an estimate, from its prompt and what it wrote, at most what
 * was held for it. Otherwise stopping answers would get round every limit.
 */
@Component
public class SpendingLedger {

	private final SpendingStore store;

	private final ModelCatalog catalog;

	private final TransactionTemplate transactions;

	SpendingLedger(SpendingStore store, ModelCatalog catalog, PlatformTransactionManager transactions) {
		this.store = store;
		this.catalog = catalog;
		this.transactions = new TransactionTemplate(transactions);
	}

	/**
	 * Ends the answer with {@code finish} and records its cost: the one reported, or an
	 * estimate where the upstream likely billed it without saying.
	 */
	public Optional<MessageView> recorded(Supplier<Optional<MessageView>> finish) {
		return this.transactions.execute((status) -> {
			Optional<MessageView> ended = finish.get();
			// An answer that failed before it wrote anything was refused: not billed.
			ended.filter((answer) -> answer.status() != MessageStatus.STREAMING).ifPresent((answer) -> {
				EndedAnswer cost = EndedAnswer.of(answer);
				record(cost, answer.status() == MessageStatus.STOPPED
						|| cost.reasoningCharacters() + cost.contentCharacters() > 0);
			});
			return ended;
		});
	}

	/**
	 * Records the cost of answers just failed as interrupted (their instance stopped
	 * before it ended them), in the transaction that failed them: the upstream was asked,
	 * and billed them.
	 */
	public void interrupted(Collection<UUID> answers) {
		this.transactions.executeWithoutResult((status) -> answers
			.forEach((id) -> this.store.endedAnswer(id).ifPresent((answer) -> record(answer, true))));
	}

	private void record(EndedAnswer answer, boolean billedWithoutReport) {
		if (answer.cost() != null) {
			this.store.record(answer.id(), answer.conversationId(), answer.at(), answer.cost(), false);
			return;
		}
		if (!billedWithoutReport) {
			return;
		}
		BigDecimal estimate = estimate(answer);
		if (estimate.signum() > 0) {
			this.store.record(answer.id(), answer.conversationId(), answer.at(), estimate, true);
		}
	}

	/**
	 * The prompt (the conversation as stored, less this answer) and what the answer wrote
	 * at its model's prices; for a relay, the thinker's prompt and reasoning at the
	 * thinker's, and the reasoning read by the answerer. At most the answer's hold, which
	 * is what the person was told it could cost.
	 */
	private BigDecimal estimate(EndedAnswer answer) {
		long prompt = Math.max(this.store.conversationCharacters(answer.conversationId()) - answer.contentCharacters(),
				0);
		CatalogModel.Pricing answerer = pricing(answer.endpoint(), answer.model());
		BigDecimal estimate;
		if (answer.thinker() == null) {
			estimate = ReservationEstimate.written(answerer, prompt,
					answer.reasoningCharacters() + answer.contentCharacters());
		}
		else {
			estimate = ReservationEstimate
				.written(pricing(answer.endpoint(), answer.thinker()), prompt, answer.reasoningCharacters())
				.add(ReservationEstimate.written(answerer, prompt + answer.reasoningCharacters(),
						answer.contentCharacters()));
		}
		BigDecimal hold = this.store.holdOf(answer.id());
		return (hold != null) ? estimate.min(hold) : estimate;
	}

	private CatalogModel.Pricing pricing(String endpoint, String model) {
		if (endpoint == null || model == null) {
			return null;
		}
		return this.catalog.find(endpoint, model).map(CatalogModel::pricing).orElse(null);
	}

}
