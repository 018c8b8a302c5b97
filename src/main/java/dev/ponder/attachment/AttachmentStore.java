package dev.ponder.attachment;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Where the bytes of attachments and their thumbnails are kept: in the database, or in a
 * directory ({@code PONDER_ATTACHMENT_DIR}).
 */
interface AttachmentStore {

	/** Keeps a new file's bytes, and its thumbnail if it has one. */
	void save(UUID id, byte[] data, byte[] thumbnail);

	/** The file's bytes; empty if they are gone. */
	Optional<byte[]> data(UUID id);

	/** The file's thumbnail, if it has one. */
	Optional<byte[]> thumbnail(UUID id);

	/**
	 * Forgets these files' bytes. Rows deleted from the database take theirs with them; a
	 * directory is told here.
	 */
	void delete(Collection<UUID> ids);

	/**
	 * Deletes bytes no attachment row names any more (left by a deletion that did not
	 * come through {@link #delete}), untouched for longer than a while.
	 * @param stillStored tells which of some ids still have their row
	 * @return how many were deleted
	 */
	int deleteOrphans(Function<Collection<UUID>, Collection<UUID>> stillStored);

}
