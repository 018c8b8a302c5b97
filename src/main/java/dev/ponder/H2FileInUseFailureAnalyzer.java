package dev.ponder;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Turns H2's "Database may be already in use" into a sentence that says why: H2 keeps a
 * database file for one process, so a second Ponder on the same file cannot start, and
 * several instances need PostgreSQL. Ahead of Spring Boot's own analysers, which would
 * otherwise describe only the pool or Flyway that hit it.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class H2FileInUseFailureAnalyzer implements FailureAnalyzer {

	/** H2's {@code ErrorCode.DATABASE_ALREADY_OPEN_1}; H2 is not on the compile path. */
	static final int DATABASE_ALREADY_OPEN = 90020;

	private static final Pattern FILE = Pattern.compile("\"([^\"]+)\"");

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getErrorCode() == DATABASE_ALREADY_OPEN) {
				return analysis(sql, cause);
			}
		}
		return null;
	}

	private static FailureAnalysis analysis(SQLException inUse, Throwable cause) {
		Matcher file = FILE.matcher(String.valueOf(inUse.getMessage()));
		String which = file.find() ? "the H2 database " + file.group(1) : "the H2 database";
		return new FailureAnalysis(
				"Another process already has " + which + " open, and H2 keeps a database "
						+ "for one process only: several Ponder instances cannot share one H2 file.",
				"Stop the other Ponder (or whatever else has the file open) and start this one again. To run several "
						+ "instances, point them all at one PostgreSQL instead: "
						+ "SPRING_DATASOURCE_URL=jdbc:postgresql://host:5432/ponder.",
				cause);
	}

}
