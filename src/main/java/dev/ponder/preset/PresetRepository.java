package dev.ponder.preset;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PresetRepository extends JpaRepository<Preset, UUID> {

	/** One account's presets and everyone's shared ones. */
	@Query("select p from Preset p where p.ownerId = :ownerId or p.shared = true")
	List<Preset> findVisibleTo(UUID ownerId);

	/** The presets made with accounts off. */
	List<Preset> findByOwnerIdIsNull();

	/** One account's presets. */
	List<Preset> findByOwnerId(UUID ownerId);

	/** The presets of any owner with this name, in lower case. */
	List<Preset> findByNameKey(String nameKey);

}
