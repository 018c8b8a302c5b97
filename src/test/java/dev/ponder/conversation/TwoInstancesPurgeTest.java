package dev.ponder.conversation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.ponder.jobs.JobLocks;
import dev.ponder.testing.AtOnce;
import dev.ponder.testing.PostgresUnderTest;
import dev.ponder.testing.TwoInstances;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The purge of deleted conversations, with two instances due at the same moment: one does
 * it, the other skips its turn.
 */
@ExtendWith(PostgresUnderTest.Required.class)
class TwoInstancesPurgeTest {

	private final TwoInstances instances = TwoInstances.get();

	@Test
	void twoInstancesDueAtOnceArePurgedByOne() {
		JdbcClient database = this.instances.database();
		UUID deletedLongAgo = UUID.randomUUID();
		OffsetDateTime anHourAgo = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
		database.sql("INSERT INTO conversation (id, title, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?)")
			.params(deletedLongAgo, "Deleted an hour ago", anHourAgo, anHourAgo, anHourAgo)
			.update();

		List<Boolean> ran = List.of(false, false);
		// Both instances also purge on their own every 10 s: a turn taken by one of
		// those between the lock's release and the two calls leaves both calls without
		// work, and the two are asked again.
		for (int turn = 0; turn < 3 && !ran.contains(true); turn++) {
			releaseTheLock(database);
			ran = purgeOnBothAtOnce();
		}

		assertThat(ran).as("exactly one did the work").containsExactlyInAnyOrder(true, false);
		assertThat(database.sql("SELECT COUNT(*) FROM conversation WHERE id = ?")
			.param(deletedLongAgo)
			.query(Integer.class)
			.single()).isZero();
		String ranBy = (ran.get(0) ? this.instances.a() : this.instances.b()).getBean(JobLocks.class).instance();
		assertThat(database.sql("SELECT locked_by FROM shedlock WHERE name = ?")
			.param(DeletedConversationPurger.JOB.name())
			.query(String.class)
			.single()).as("the lock names the one that ran").isEqualTo(ranBy);
	}

	/** As if the last turn's lock had run out. */
	private static void releaseTheLock(JdbcClient database) {
		database.sql("UPDATE shedlock SET lock_until = locked_at WHERE name = ?")
			.param(DeletedConversationPurger.JOB.name())
			.update();
	}

	/** Whether each instance did the work, A then B. */
	private List<Boolean> purgeOnBothAtOnce() {
		DeletedConversationPurger onA = this.instances.a().getBean(DeletedConversationPurger.class);
		DeletedConversationPurger onB = this.instances.b().getBean(DeletedConversationPurger.class);
		return AtOnce.call(List.of(onA::purge, onB::purge));
	}

}
