package dev.ponder.persistence;

import java.util.Locale;

import org.hibernate.exception.ConstraintViolationException;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * Tells which of a table's constraints a failed write broke, so that a service can answer
 * a clash it expects (a name taken, a second link to one conversation) and let any other
 * failure through.
 */
public final class Constraints {

	private Constraints() {
	}

	/**
	 * Whether the failure broke the named constraint. H2 and PostgreSQL both report its
	 * name, H2 upper-cased and with words added, so a part of it is enough.
	 */
	public static boolean violated(DataIntegrityViolationException ex, String constraint) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConstraintViolationException violation && violation.getConstraintName() != null
					&& violation.getConstraintName().toLowerCase(Locale.ROOT).contains(constraint)) {
				return true;
			}
		}
		return false;
	}

}
