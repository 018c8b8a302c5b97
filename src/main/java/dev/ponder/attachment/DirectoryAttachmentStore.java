package dev.ponder.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the bytes as files in a directory ({@code PONDER_ATTACHMENT_DIR}), e.g. a Docker
 * volume shared by every instance: {@code <id>} and {@code <id>.thumb}.
 */
class DirectoryAttachmentStore implements AttachmentStore {

	private static final String THUMBNAIL = ".thumb";

	/**
	 * A file is written before its row commits: a file this young without a row may be
	 * one on its way in.
	 */
	private static final Duration ORPHAN_AGE = Duration.ofHours(1);

	private static final int BATCH = 500;

	private static final Logger log = LoggerFactory.getLogger(DirectoryAttachmentStore.class);

	private final Path directory;

	private final Clock clock;

	DirectoryAttachmentStore(Path directory, Clock clock) {
		this.directory = directory;
		this.clock = clock;
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the attachment directory " + directory, ex);
		}
	}

	@Override
	public void save(UUID id, byte[] data, byte[] thumbnail) {
		write(file(id), data);
		if (thumbnail != null) {
			write(thumbnailFile(id), thumbnail);
		}
	}

	/** Written whole under another name first: a reader never sees half a file. */
	private void write(Path target, byte[] bytes) {
		try {
			Path partial = Files.createTempFile(this.directory, "upload-", ".part");
			Files.write(partial, bytes);
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + target, ex);
		}
	}

	@Override
	public Optional<byte[]> data(UUID id) {
		return read(file(id));
	}

	@Override
	public Optional<byte[]> thumbnail(UUID id) {
		return read(thumbnailFile(id));
	}

	private static Optional<byte[]> read(Path path) {
		try {
			return Optional.of(Files.readAllBytes(path));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + path, ex);
		}
	}

	@Override
	public void delete(Collection<UUID> ids) {
		for (UUID id : ids) {
			deleteQuietly(file(id));
			deleteQuietly(thumbnailFile(id));
		}
	}

	@Override
	public int deleteOrphans(Function<Collection<UUID>, Collection<UUID>> stillStored) {
		Instant cutoff = this.clock.instant().minus(ORPHAN_AGE);
		List<UUID> old = new ArrayList<>();
		try (Stream<Path> files = Files.list(this.directory)) {
			files.filter((path) -> isOlderThan(path, cutoff))
				.map(DirectoryAttachmentStore::idOf)
				.flatMap(Optional::stream)
				.distinct()
				.forEach(old::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + this.directory, ex);
		}
		int deleted = 0;
		for (int from = 0; from < old.size(); from += BATCH) {
			List<UUID> batch = old.subList(from, Math.min(old.size(), from + BATCH));
			Set<UUID> kept = new HashSet<>(stillStored.apply(batch));
			List<UUID> orphans = batch.stream().filter((id) -> !kept.contains(id)).toList();
			delete(orphans);
			deleted += orphans.size();
		}
		return deleted;
	}

	private static boolean isOlderThan(Path path, Instant cutoff) {
		try {
			return Files.getLastModifiedTime(path).toInstant().isBefore(cutoff);
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static Optional<UUID> idOf(Path path) {
		String name = path.getFileName().toString();
		if (name.endsWith(THUMBNAIL)) {
			name = name.substring(0, name.length() - THUMBNAIL.length());
		}
		try {
			return Optional.of(UUID.fromString(name));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private void deleteQuietly(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			log.warn("Cannot delete the attachment file {}: {}", path, ex.toString());
		}
	}

	private Path file(UUID id) {
		return this.directory.resolve(id.toString());
	}

	private Path thumbnailFile(UUID id) {
		return this.directory.resolve(id + THUMBNAIL);
	}

}
