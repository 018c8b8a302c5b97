package dev.ponder.persistence;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * An entity whose id is made in Java (a random UUID, or a pair of them), not by the
 * database. Spring Data takes an entity that already has an id for a stored one, and
 * merges it: Hibernate then reads the row back before every insert, one SELECT per new
 * row for nothing. Telling Spring Data which entities are new makes {@code save} a plain
 * insert.
 *
 * @param <I> the type of the id
 */
@MappedSuperclass
public abstract class NewUntilStored<I> implements Persistable<I> {

	@Transient
	private boolean stored;

	@Override
	public boolean isNew() {
		return !this.stored;
	}

	@PostPersist
	@PostLoad
	void stored() {
		this.stored = true;
	}

}
