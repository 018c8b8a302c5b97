package dev.ponder.limits;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The limits' tables: each person's own limits, the answers in flight held against them,
 * and the ledger of what answers cost. Plain SQL that H2 and PostgreSQL both speak.
 */
@Repository
class SpendingStore {

	/** The owner key of everyone with accounts off. */
	static final UUID EVERYONE = new UUID(0, 0);

	private static final String OPEN = "r.owner_key = ? AND r.created_at > ? AND (r.answer_id IS NULL OR EXISTS "
			+ "(SELECT 1 FROM message m WHERE m.id = r.answer_id AND m.status = 'STREAMING'))";

	private final JdbcTemplate jdbc;

	SpendingStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Makes the person's row if it is not there yet; two instances making it at once is
	 * fine, one of them wins. Called outside the locking transaction: on PostgreSQL a
	 * failed insert would spoil it.
	 */
	void ensureRow(UUID owner) {
		try {
			this.jdbc.update("INSERT INTO spending_limit (owner_key) SELECT ? WHERE NOT EXISTS "
					+ "(SELECT 1 FROM spending_limit WHERE owner_key = ?)", owner, owner);
		}
		catch (DataIntegrityViolationException ex) {
			// Made by another request in between: what was wanted.
		}
	}

	/**
	 * Locks the person's row until the transaction ends, so that checks of one person
	 * happen one after the other on every instance, and reads their own limits.
	 */
	SpendingLimits lock(UUID owner) {
		return this.jdbc.queryForObject(
				"SELECT daily_limit, monthly_limit FROM spending_limit WHERE owner_key = ? FOR UPDATE",
				(row, n) -> new SpendingLimits(row.getBigDecimal(1), row.getBigDecimal(2)), owner);
	}

	SpendingLimits ownLimits(UUID owner) {
		List<SpendingLimits> found = this.jdbc.query(
				"SELECT daily_limit, monthly_limit FROM spending_limit WHERE owner_key = ?",
				(row, n) -> new SpendingLimits(row.getBigDecimal(1), row.getBigDecimal(2)), owner);
		return found.isEmpty() ? SpendingLimits.NONE : found.get(0);
	}

	ModelAllowList allowedModels(UUID owner) {
		List<String> found = this.jdbc.queryForList("SELECT allowed_models FROM spending_limit WHERE owner_key = ?",
				String.class, owner);
		return found.isEmpty() ? ModelAllowList.ALL : ModelAllowList.ofStored(found.get(0));
	}

	void setAllowedModels(UUID owner, ModelAllowList allowed) {
		this.jdbc.update("UPDATE spending_limit SET allowed_models = ? WHERE owner_key = ?", allowed.stored(), owner);
	}

	void setOwnLimits(UUID owner, SpendingLimits limits) {
		this.jdbc.update("UPDATE spending_limit SET daily_limit = ?, monthly_limit = ? WHERE owner_key = ?",
				limits.daily(), limits.monthly(), owner);
	}

	/**
	 * What the person's answers asked for since then cost, as the ledger has them: their
	 * conversations deleted, even purged, included.
	 */
	BigDecimal spentSince(UUID owner, Instant since) {
		BigDecimal spent = EVERYONE.equals(owner)
				? this.jdbc.queryForObject("SELECT SUM(cost) FROM spending_ledger WHERE at >= ?", BigDecimal.class,
						Timestamp.from(since))
				: this.jdbc.queryForObject("SELECT SUM(cost) FROM spending_ledger WHERE owner_key = ? AND at >= ?",
						BigDecimal.class, owner, Timestamp.from(since));
		return (spent != null) ? spent : BigDecimal.ZERO;
	}

	/**
	 * Writes what an answer cost into the ledger, under its conversation's owner (the nil
	 * UUID for a conversation made with accounts off); once per answer.
	 * @param estimated whether the cost is Ponder's estimate rather than the upstream's
	 * report
	 */
	void record(UUID answer, UUID conversationId, Instant at, BigDecimal cost, boolean estimated) {
		this.jdbc.update(
				"INSERT INTO spending_ledger (answer_id, owner_key, at, cost, estimated) SELECT ?, "
						+ "COALESCE(c.owner_id, ?), ?, ?, ? FROM conversation c WHERE c.id = ? AND NOT EXISTS "
						+ "(SELECT 1 FROM spending_ledger l WHERE l.answer_id = ?)",
				answer, EVERYONE, Timestamp.from(at), cost, estimated, conversationId, answer);
	}

	/**
	 * What was held for the answer when it was asked for, whether it still streams or
	 * not; {@code null} where nothing was (its person had no limits).
	 */
	BigDecimal holdOf(UUID answer) {
		return this.jdbc.queryForObject("SELECT SUM(amount) FROM spending_reservation WHERE answer_id = ?",
				BigDecimal.class, answer);
	}

	/**
	 * An answer that an instance stopped without ending (a crash), as far as its cost
	 * goes; empty when it is not stored.
	 */
	Optional<EndedAnswer> endedAnswer(UUID answer) {
		return this.jdbc
			.query("SELECT conversation_id, created_at, endpoint, model, thinker_model, LENGTH(reasoning), "
					+ "LENGTH(content), cost FROM message WHERE id = ?",
					(row, n) -> new EndedAnswer(answer, row.getObject(1, UUID.class), row.getTimestamp(2).toInstant(),
							row.getString(3), row.getString(4), row.getString(5), row.getLong(6), row.getLong(7),
							row.getBigDecimal(8)),
					answer)
			.stream()
			.findFirst();
	}

	/**
	 * What the person's answers in flight may still cost: reservations made since
	 * {@code after} whose answer is not stored yet or still streaming. An answer that
	 * ended (or was failed as interrupted) counts by its own cost instead.
	 */
	BigDecimal held(UUID owner, Instant after) {
		BigDecimal held = this.jdbc.queryForObject("SELECT SUM(r.amount) FROM spending_reservation r WHERE " + OPEN,
				BigDecimal.class, owner, Timestamp.from(after));
		return (held != null) ? held : BigDecimal.ZERO;
	}

	void reserve(UUID id, UUID owner, BigDecimal amount, Instant at) {
		this.jdbc.update("INSERT INTO spending_reservation (id, owner_key, amount, created_at) VALUES (?, ?, ?, ?)", id,
				owner, amount, Timestamp.from(at));
	}

	void heldBy(UUID reservation, UUID answer) {
		this.jdbc.update("UPDATE spending_reservation SET answer_id = ? WHERE id = ?", answer, reservation);
	}

	void release(UUID reservation) {
		this.jdbc.update("DELETE FROM spending_reservation WHERE id = ?", reservation);
	}

	/**
	 * Forgets the person's reservations that hold nothing any more, so that the table
	 * stays as small as the answers in flight.
	 */
	void forgetEnded(UUID owner, Instant after) {
		this.jdbc.update(
				"DELETE FROM spending_reservation WHERE owner_key = ? AND NOT EXISTS (SELECT 1 FROM "
						+ "spending_reservation r WHERE r.id = spending_reservation.id AND " + OPEN + ")",
				owner, owner, Timestamp.from(after));
	}

	/**
	 * The length of what the conversation sends as its prompt, at most: every message of
	 * every branch, the system prompt, and the text of the files its questions carry (a
	 * text file by its size, a PDF by the text read from it). Images are left out: they
	 * are priced per image, not by their bytes.
	 */
	long conversationCharacters(UUID conversationId) {
		if (conversationId == null) {
			return 0;
		}
		Long length = this.jdbc.queryForObject(
				"SELECT COALESCE((SELECT SUM(LENGTH(content)) FROM message WHERE conversation_id = ?), 0) "
						+ "+ COALESCE((SELECT LENGTH(system_prompt) FROM conversation WHERE id = ?), 0) "
						+ "+ COALESCE((SELECT SUM(COALESCE(LENGTH(t.extracted), a.size_bytes)) FROM attachment a "
						+ "LEFT JOIN attachment_text t ON t.attachment_id = a.id "
						+ "WHERE a.conversation_id = ? AND a.kind <> 'IMAGE'), 0)",
				Long.class, conversationId, conversationId, conversationId);
		return (length != null) ? length : 0;
	}

}
