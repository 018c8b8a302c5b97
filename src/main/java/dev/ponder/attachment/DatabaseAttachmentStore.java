package dev.ponder.attachment;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps the bytes in the database, in {@code attachment_content}: deleted with their
 * attachment row by the database itself.
 */
class DatabaseAttachmentStore implements AttachmentStore {

	private final JdbcTemplate jdbc;

	DatabaseAttachmentStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void save(UUID id, byte[] data, byte[] thumbnail) {
		this.jdbc.update("INSERT INTO attachment_content (attachment_id, data, thumbnail) VALUES (?, ?, ?)", id, data,
				thumbnail);
	}

	@Override
	public Optional<byte[]> data(UUID id) {
		return first(this.jdbc.query("SELECT data FROM attachment_content WHERE attachment_id = ?",
				(row, number) -> row.getBytes(1), id));
	}

	@Override
	public Optional<byte[]> thumbnail(UUID id) {
		return first(this.jdbc.query("SELECT thumbnail FROM attachment_content WHERE attachment_id = ?",
				(row, number) -> row.getBytes(1), id));
	}

	@Override
	public void delete(Collection<UUID> ids) {
		// The attachment rows' deletion cascades here.
	}

	@Override
	public int deleteOrphans(Function<Collection<UUID>, Collection<UUID>> stillStored) {
		return 0;
	}

	private static Optional<byte[]> first(List<byte[]> rows) {
		return rows.stream().filter(Objects::nonNull).findFirst();
	}

}
