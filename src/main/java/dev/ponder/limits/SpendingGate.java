package dev.ponder.limits;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.ponder.account.CurrentOwner;
import dev.ponder.catalog.CatalogModel;
import dev.ponder.catalog.ModelCatalog;
import dev.ponder.conversation.Turn;
import dev.ponder.format.Money;
import dev.ponder.problem.ErrorCode;
import dev.ponder.problem.ProblemException;

/**
 * Lets an answer start only while its person is under their limits, and holds what it may
 * cost against them until it ends. Every path that starts an answer goes through it
 * before anything is stored, so a refused person keeps their text in the composer.
 *
 * <p>
 * The database decides, not an instance's memory: the check locks the person's row, adds
 * up what their answers cost this day and month and what their answers in flight may
 * still cost, and stores this answer's reservation, all in one transaction. A send is
 * refused once that sum reaches a limit, so answers started at once (a compare, many
 * tabs, several instances) overshoot it by one answer's reservation at most, as far as
 * reservations go: a reservation bounds an answer's cost only where the request caps its
 * length (see {@link ReservationEstimate}). An answer already running when the limit is
 * crossed finishes.
 */
@Component
public class SpendingGate {

	private static final int LOCK_ATTEMPTS = 20;

	private final SpendingStore store;

	private final LimitsProperties properties;

	private final LimitPeriods periods;

	private final ModelCatalog catalog;

	private final CurrentOwner currentOwner;

	private final TransactionTemplate transactions;

	private final MeterRegistry meters;

	SpendingGate(SpendingStore store, LimitsProperties properties, LimitPeriods periods, ModelCatalog catalog,
			CurrentOwner currentOwner, PlatformTransactionManager transactions, MeterRegistry meters) {
		this.store = store;
		this.properties = properties;
		this.periods = periods;
		this.catalog = catalog;
		this.currentOwner = currentOwner;
		this.transactions = new TransactionTemplate(transactions);
		this.meters = meters;
	}

	/**
	 * Checks the limits and holds the answer's cost, then stores the question with
	 * {@code begin}; a question that could not be stored holds nothing.
	 * @param conversationId the conversation asked in, whose length the prompt estimate
	 * reads
	 * @param added what the request adds to it (the question, or reasoning handed on)
	 */
	public Turn held(UUID conversationId, String added, PlannedAnswer answer, Supplier<Turn> begin) {
		return held(conversationId, added, List.of(answer), begin, (turn) -> List.of(turn.assistantMessageId()));
	}

	/**
	 * As {@link #held(UUID, String, PlannedAnswer, Supplier)}, for a compare's columns.
	 */
	public List<Turn> heldAll(UUID conversationId, String added, List<PlannedAnswer> answers,
			Supplier<List<Turn>> begin) {
		return held(conversationId, added, answers, begin,
				(turns) -> turns.stream().map(Turn::assistantMessageId).toList());
	}

	/**
	 * Refuses, without holding anything, an answer that {@link #held} would refuse now:
	 * for the plain form, which keeps its files and makes its conversation only once this
	 * passes.
	 */
	public void check(PlannedAnswer answer) {
		UUID owner = owner();
		checkAllowed(owner, List.of(answer));
		SpendingLimits limits = limitsOf(owner);
		if (limits.any()) {
			BigDecimal held = heldFor(owner);
			checkPeriods(owner, limits, held);
		}
	}

	private void checkPeriods(UUID owner, SpendingLimits limits, BigDecimal held) {
		if (limits.daily() != null) {
			check(LimitKind.DAILY, limits.daily(), this.store.spentSince(owner, this.periods.start(LimitKind.DAILY)),
					held);
		}
		if (limits.monthly() != null) {
			check(LimitKind.MONTHLY, limits.monthly(),
					this.store.spentSince(owner, this.periods.start(LimitKind.MONTHLY)), held);
		}
	}

	private <T> T held(UUID conversationId, String added, List<PlannedAnswer> answers, Supplier<T> begin,
			Function<T, List<UUID>> answerIds) {
		UUID owner = owner();
		checkAllowed(owner, answers);
		List<UUID> reservations = reserve(owner, conversationId, added, answers);
		T started;
		try {
			started = begin.get();
		}
		catch (RuntimeException ex) {
			reservations.forEach(this.store::release);
			throw ex;
		}
		List<UUID> ids = answerIds.apply(started);
		for (int i = 0; i < reservations.size() && i < ids.size(); i++) {
			this.store.heldBy(reservations.get(i), ids.get(i));
		}
		return started;
	}

	private List<UUID> reserve(UUID owner, UUID conversationId, String added, List<PlannedAnswer> answers) {
		long characters = this.store.conversationCharacters(conversationId) + ((added != null) ? added.length() : 0);
		return reserve(owner, answers.stream().map((answer) -> estimate(answer, characters)).toList());
	}

	/**
	 * Refuses answers of these estimates if the person reached a limit, else holds them;
	 * the ids of the reservations, in order (none without limits).
	 */
	List<UUID> reserve(UUID owner, List<BigDecimal> amounts) {
		// Most people have no limits: their sends neither write nor lock anything.
		if (!limitsOf(owner).any()) {
			return List.of();
		}
		this.store.ensureRow(owner);
		for (int attempt = 1;; attempt++) {
			try {
				return this.transactions.execute((status) -> reserveLocked(owner, amounts));
			}
			catch (PessimisticLockingFailureException ex) {
				// H2 gives up waiting for a row lock after a second; many sends of one
				// person at once on a busy machine can wait longer, in turn.
				if (attempt == LOCK_ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	private List<UUID> reserveLocked(UUID owner, List<BigDecimal> amounts) {
		SpendingLimits limits = this.store.lock(owner).orElse(this.properties.defaults());
		if (!limits.any()) {
			return List.of();
		}
		Instant now = this.periods.now();
		Instant after = now.minus(this.properties.reservationExpiry());
		this.store.forgetEnded(owner, after);
		BigDecimal held = this.store.held(owner, after);
		BigDecimal today = (limits.daily() != null) ? this.store.spentSince(owner, this.periods.start(LimitKind.DAILY))
				: BigDecimal.ZERO;
		BigDecimal month = (limits.monthly() != null)
				? this.store.spentSince(owner, this.periods.start(LimitKind.MONTHLY)) : BigDecimal.ZERO;
		// Answers already running may take the person to a limit; then nothing starts.
		check(LimitKind.DAILY, limits.daily(), today, held);
		check(LimitKind.MONTHLY, limits.monthly(), month, held);
		List<UUID> reservations = new ArrayList<>();
		BigDecimal asked = BigDecimal.ZERO;
		for (BigDecimal amount : amounts) {
			// A compare's later columns: its own answers take it to the limit.
			checkRequest(LimitKind.DAILY, limits.daily(), today, held, asked, amounts);
			checkRequest(LimitKind.MONTHLY, limits.monthly(), month, held, asked, amounts);
			UUID id = UUID.randomUUID();
			this.store.reserve(id, owner, amount, now);
			asked = asked.add(amount);
			reservations.add(id);
		}
		return reservations;
	}

	/**
	 * Refuses a compare whose columns held so far ({@code asked}) take the person to a
	 * limit that the answers running before it left room under; the sentence tells this
	 * compare's cost apart from what was spent and held before it.
	 */
	private void checkRequest(LimitKind kind, BigDecimal limit, BigDecimal spent, BigDecimal running, BigDecimal asked,
			List<BigDecimal> amounts) {
		if (limit == null || spent.add(running).add(asked).compareTo(limit) < 0) {
			return;
		}
		count(kind);
		BigDecimal total = amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal left = limit.subtract(spent).subtract(running).max(BigDecimal.ZERO);
		throw new LimitReachedException("This compare's " + amounts.size() + " answers could cost up to "
				+ Money.dollars(total) + "; " + Money.dollars(left) + " is left " + kind.period() + " (resets "
				+ this.periods.resets(kind) + ").");
	}

	/**
	 * Refuses a model, or a relay's thinker, that the administrator does not let the
	 * person use.
	 */
	private void checkAllowed(UUID owner, List<PlannedAnswer> answers) {
		ModelAllowList allowed = this.store.allowedModels(owner);
		for (PlannedAnswer answer : answers) {
			for (String model : (answer.thinker() != null) ? List.of(answer.thinker(), answer.model())
					: List.of(answer.model())) {
				if (!allowed.allows(answer.endpoint(), model)) {
					count(LimitKind.MODEL);
					throw new ProblemException(ErrorCode.MODEL_NOT_ALLOWED,
							model + " is not one of the models you may use (" + allowed.inWords()
									+ "); your administrator decides which.");
				}
			}
		}
	}

	private void count(LimitKind kind) {
		Counter.builder("ponder.limit.refusals")
			.description("Sends refused because of a person's limits: spending, or models allowed")
			.tag("kind", kind.tag())
			.register(this.meters)
			.increment();
	}

	private void check(LimitKind kind, BigDecimal limit, BigDecimal spent, BigDecimal held) {
		if (limit == null || spent.add(held).compareTo(limit) < 0) {
			return;
		}
		count(kind);
		String running = (held.signum() > 0)
				? " and up to " + Money.dollars(held) + " held for answers still being written" : "";
		throw new LimitReachedException("Your " + kind.adjective() + " spending limit of " + Money.dollars(limit)
				+ " is reached: " + Money.dollars(spent) + " spent " + kind.period() + running + ". It resets "
				+ this.periods.resets(kind) + ".");
	}

	private BigDecimal estimate(PlannedAnswer answer, long characters) {
		int tokens = this.properties.reserveTokens();
		BigDecimal amount = ReservationEstimate.amount(pricing(answer.endpoint(), answer.model()), characters,
				answer.maxTokens(), answer.reasoningBudget(), tokens);
		if (answer.thinker() == null) {
			return amount;
		}
		// The answerer of a relay reads the thinker's reasoning too, at most its budget.
		long thought = (long) ((answer.thinkerBudget() != null) ? answer.thinkerBudget() : tokens)
				* ReservationEstimate.CHARACTERS_PER_TOKEN;
		return amount
			.add(ReservationEstimate.amount(pricing(answer.endpoint(), answer.thinker()), characters, null,
					answer.thinkerBudget(), tokens))
			.add(ReservationEstimate.amount(pricing(answer.endpoint(), answer.model()), thought, 0, null, 0));
	}

	private CatalogModel.Pricing pricing(String endpoint, String model) {
		return this.catalog.find(endpoint, model).map(CatalogModel::pricing).orElse(null);
	}

	/** The limits in force for a person: their own, else the defaults. */
	SpendingLimits limitsOf(UUID owner) {
		return this.store.ownLimits(owner).orElse(this.properties.defaults());
	}

	/** What a person's answers in flight hold now, those held too long ago aside. */
	BigDecimal heldFor(UUID owner) {
		return this.store.held(owner, this.periods.now().minus(this.properties.reservationExpiry()));
	}

	UUID owner() {
		UUID account = this.currentOwner.get().accountId();
		return (account != null) ? account : SpendingStore.EVERYONE;
	}

}
