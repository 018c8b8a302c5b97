package dev.ponder.attachment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The text of each PDF, read once at upload (table {@code attachment_text}): a row with
 * no text is a PDF whose text could not be read.
 */
@Component
class AttachmentTexts {

	private final JdbcTemplate jdbc;

	AttachmentTexts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void save(UUID id, Optional<String> text) {
		this.jdbc.update("INSERT INTO attachment_text (attachment_id, extracted) VALUES (?, ?)", id, text.orElse(null));
	}

	/**
	 * The text as read at upload: empty when no text was kept, present but empty when the
	 * PDF's text could not be read.
	 */
	Optional<Optional<String>> find(UUID id) {
		List<Optional<String>> rows = this.jdbc.query("SELECT extracted FROM attachment_text WHERE attachment_id = ?",
				(row, number) -> Optional.ofNullable(row.getString(1)), id);
		return rows.stream().findFirst();
	}

}
