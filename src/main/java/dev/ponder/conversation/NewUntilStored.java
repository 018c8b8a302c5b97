package dev.ponder.conversation;

import java.util.UUID;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * An entity whose id is a random UUID made in Java, not by the database. Spring Data
 * takes an entity that already has an id for a stored one, and merges it: Hibernate then
 * reads the row back before every insert, one SELECT per new conversation or message for
 * nothing. Telling Spring Data which entities are new makes {@code save} a plain insert.
 */
@MappedSuperclass
abstract class NewUntilStored implements Persistable<UUID> {

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
