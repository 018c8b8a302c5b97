package dev.ponder.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import dev.ponder.account.CurrentOwner;
import dev.ponder.account.Owner;
import dev.ponder.format.Sizes;
import dev.ponder.problem.ErrorCode;
import dev.ponder.problem.ProblemException;

/**
 * Takes files uploaded to go with a question, checks them by their bytes, keeps them, and
 * gives them to their owner alone: another person's file is as unknown as one that never
 * existed. A file is its uploader's until a question carries it, then its conversation's,
 * deleted with it.
 */
@Service
@Transactional
public class AttachmentService {

	private final AttachmentRepository attachments;

	private final MessageAttachmentRepository links;

	private final AttachmentStore store;

	private final ContentSniffer sniffer;

	private final Thumbnails thumbnails;

	private final AttachmentProperties properties;

	private final PdfText pdfText;

	private final AttachmentTexts texts;

	private final CurrentOwner owner;

	private final Clock clock;

	AttachmentService(AttachmentRepository attachments, MessageAttachmentRepository links, AttachmentStore store,
			ContentSniffer sniffer, Thumbnails thumbnails, AttachmentProperties properties, CurrentOwner owner,
			Clock clock, PdfText pdfText, AttachmentTexts texts) {
		this.pdfText = pdfText;
		this.texts = texts;
		this.attachments = attachments;
		this.links = links;
		this.store = store;
		this.sniffer = sniffer;
		this.thumbnails = thumbnails;
		this.properties = properties;
		this.owner = owner;
		this.clock = clock;
	}

	/** Keeps an uploaded file for the person asking, not yet part of any question. */
	public AttachmentView upload(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw new ProblemException(ErrorCode.INVALID_REQUEST,
					"No file was sent: send it as the multipart part named \"file\", and not empty.");
		}
		String name = FileNames.clean(file.getOriginalFilename());
		checkSize(name, file.getSize());
		return AttachmentView.of(keep(name, bytesOf(file), this.owner.get().accountId()));
	}

	/**
	 * The files of a plain form's message, checked as uploads are (how many, each one's
	 * size and type) and described as they would be kept, with no id yet: nothing is
	 * stored, so a message refused then leaves nothing behind.
	 */
	@Transactional(readOnly = true)
	public List<AttachmentView> describeUploads(List<MultipartFile> files) {
		checkCount(files.size());
		List<AttachmentView> described = new ArrayList<>();
		for (MultipartFile file : files) {
			String name = FileNames.clean(file.getOriginalFilename());
			checkSize(name, file.getSize());
			SniffedType type = sniff(name, bytesOf(file));
			described.add(new AttachmentView(null, name, type.contentType(), file.getSize(), type.kind().wireName(),
					null, null));
		}
		return described;
	}

	/**
	 * Keeps a plain form's files, all or none: one refused undoes those kept before it.
	 */
	public List<AttachmentView> uploadAll(List<MultipartFile> files) {
		checkCount(files.size());
		return files.stream().map(this::upload).toList();
	}

	private static byte[] bytesOf(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Files that came inside a request, checked as a form's uploads are (how many, each
	 * one's size and type) and described as they would be kept, with no id yet: nothing
	 * is stored, so a call refused then leaves nothing behind.
	 */
	public List<AttachmentView> describe(List<SentFile> files) {
		checkCount(files.size());
		List<AttachmentView> described = new ArrayList<>();
		for (SentFile file : files) {
			String name = FileNames.clean(file.name());
			checkSize(name, file.bytes().length);
			SniffedType type = sniff(name, file.bytes());
			described.add(new AttachmentView(null, name, type.contentType(), file.bytes().length,
					type.kind().wireName(), null, null));
		}
		return described;
	}

	/** Keeps files that came inside a request for the person asking, checked again. */
	public List<AttachmentView> keep(List<SentFile> files) {
		checkCount(files.size());
		UUID ownerId = this.owner.get().accountId();
		return files.stream().map((file) -> {
			String name = FileNames.clean(file.name());
			checkSize(name, file.bytes().length);
			return AttachmentView.of(keep(name, file.bytes(), ownerId));
		}).toList();
	}

	/** Deletes files kept for a call that was then refused; none of them was sent. */
	public void discard(List<UUID> ids) {
		if (!ids.isEmpty()) {
			this.attachments.deleteByIds(ids);
			AfterTransaction.commit(() -> this.store.delete(ids));
		}
	}

	/**
	 * Deletes every file of a conversation now, bytes and all, the conversation staying:
	 * a call through the API not to be saved keeps none.
	 */
	public void forgetConversation(UUID conversationId) {
		List<UUID> files = this.attachments.findIdsInConversation(conversationId);
		if (!files.isEmpty()) {
			this.attachments.deleteByIds(files);
			AfterTransaction.commit(() -> this.store.delete(files));
		}
	}

	/**
	 * Keeps a file of an imported conversation, checked again as an upload is: its bytes
	 * decide what it is.
	 */
	public AttachmentView importFile(UUID id, UUID conversationId, String name, byte[] bytes) {
		String cleaned = FileNames.clean(name);
		checkSize(cleaned, bytes.length);
		Attachment attachment = checked(id, cleaned, bytes, this.owner.get().accountId());
		attachment.sentIn(conversationId);
		return AttachmentView.of(save(attachment, bytes));
	}

	private Attachment keep(String name, byte[] bytes, UUID ownerId) {
		return save(checked(UUID.randomUUID(), name, bytes, ownerId), bytes);
	}

	/** A file as an upload and an import both take it: not empty, and of a known type. */
	private Attachment checked(UUID id, String name, byte[] bytes, UUID ownerId) {
		if (bytes.length == 0) {
			throw new ProblemException(ErrorCode.INVALID_REQUEST, name + " is empty.");
		}
		SniffedType type = sniff(name, bytes);
		return new Attachment(id, ownerId, name, type, bytes.length, sha256(bytes), this.clock.instant());
	}

	private Attachment save(Attachment attachment, byte[] bytes) {
		byte[] thumbnail = (attachment.getKind() == AttachmentKind.IMAGE)
				? this.thumbnails.of(bytes, attachment.getContentType()).orElse(null) : null;
		// Flushed first: the database store's row refers to this one.
		Attachment saved = this.attachments.saveAndFlush(attachment);
		this.store.save(saved.getId(), bytes, thumbnail);
		if (saved.getKind() == AttachmentKind.PDF) {
			// Read once here, not on every turn that sends it to a server without PDFs.
			this.texts.save(saved.getId(), this.pdfText.of(bytes));
		}
		AfterTransaction.rollback(() -> this.store.delete(List.of(saved.getId())));
		return saved;
	}

	private void checkCount(int files) {
		if (files > this.properties.maxFiles()) {
			throw new ProblemException(ErrorCode.TOO_MANY_ATTACHMENTS,
					"A message takes at most " + this.properties.maxFiles() + " files.");
		}
	}

	private void checkSize(String name, long size) {
		if (size > this.properties.maxSize().toBytes()) {
			throw new ProblemException(ErrorCode.ATTACHMENT_TOO_LARGE, name + " is " + Sizes.inWords(size)
					+ "; a file may be up to " + this.properties.maxSizeInWords() + ".");
		}
	}

	private SniffedType sniff(String name, byte[] bytes) {
		return this.sniffer.sniff(bytes, name)
			.orElseThrow(() -> new ProblemException(ErrorCode.ATTACHMENT_TYPE_UNSUPPORTED,
					name + " is not an image (PNG, JPEG, WebP, GIF), a PDF or a text file."));
	}

	/** One of the person's files. */
	@Transactional(readOnly = true)
	public AttachmentView find(UUID id) {
		return AttachmentView.of(owned(id));
	}

	/** One of the person's files with its bytes. */
	@Transactional(readOnly = true)
	public StoredFile content(UUID id) {
		Attachment attachment = owned(id);
		return new StoredFile(AttachmentView.of(attachment), this.store.data(id).orElseThrow(() -> notFound(id)));
	}

	/**
	 * The small version of one of the person's images; the original where there is none.
	 */
	@Transactional(readOnly = true)
	public StoredFile thumbnail(UUID id) {
		Attachment attachment = owned(id);
		AttachmentView view = AttachmentView.of(attachment);
		Optional<byte[]> thumbnail = (attachment.getKind() == AttachmentKind.IMAGE) ? this.store.thumbnail(id)
				: Optional.empty();
		if (thumbnail.isPresent()) {
			return new StoredFile(new AttachmentView(view.id(), view.name(), Thumbnails.contentType(view.contentType()),
					thumbnail.get().length, view.kind(), view.url(), view.thumbnailUrl()), thumbnail.get());
		}
		return new StoredFile(view, this.store.data(id).orElseThrow(() -> notFound(id)));
	}

	/** Deletes a file no question carries yet (a chip removed before sending). */
	public void delete(UUID id) {
		Attachment attachment = owned(id);
		if (attachment.isSent()) {
			throw new ProblemException(ErrorCode.ATTACHMENT_IN_USE, attachment.getName()
					+ " is part of a sent message: it is deleted with its conversation, not on its own.");
		}
		this.attachments.delete(attachment);
		AfterTransaction.commit(() -> this.store.delete(List.of(id)));
	}

	/**
	 * The files a question of this conversation may carry, in the order named, checked
	 * before anything is stored: at most {@code PONDER_ATTACHMENT_MAX_FILES}, each the
	 * person's own, not sent yet or sent in this same conversation.
	 * @param conversationId the conversation, or {@code null} where it is not made yet
	 */
	@Transactional(readOnly = true)
	public List<AttachmentView> sendable(UUID conversationId, List<UUID> ids) {
		return sendableFiles(conversationId, ids).stream().map(AttachmentView::of).toList();
	}

	private List<Attachment> sendableFiles(UUID conversationId, List<UUID> ids) {
		if (ids == null || ids.isEmpty()) {
			return List.of();
		}
		List<UUID> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
		checkCount(distinct.size());
		Map<UUID, Attachment> found = new LinkedHashMap<>();
		this.attachments.findAllById(distinct).forEach((attachment) -> found.put(attachment.getId(), attachment));
		Owner current = this.owner.get();
		List<Attachment> files = new ArrayList<>();
		for (UUID id : distinct) {
			Attachment attachment = found.get(id);
			boolean usable = attachment != null && current.owns(attachment.getOwnerId())
					&& (!attachment.isSent() || attachment.getConversationId().equals(conversationId));
			if (!usable) {
				throw notFound(id);
			}
			files.add(attachment);
		}
		return files;
	}

	/**
	 * Makes the question carry these files, in this order; they become its
	 * conversation's.
	 */
	public List<AttachmentView> attach(UUID conversationId, UUID messageId, List<UUID> ids) {
		List<Attachment> files = sendableFiles(conversationId, ids);
		for (int position = 0; position < files.size(); position++) {
			Attachment attachment = files.get(position);
			// Checked again in the UPDATE itself: another send may have taken it since it
			// was read above.
			if (this.attachments.sendIn(attachment.getId(), conversationId) == 0) {
				throw new ProblemException(ErrorCode.ATTACHMENT_IN_USE, attachment.getName()
						+ " was sent in another conversation meanwhile: upload it again to send it here.");
			}
			attachment.sentIn(conversationId);
			this.links.save(new MessageAttachment(messageId, attachment.getId(), position));
		}
		return files.stream().map(AttachmentView::of).toList();
	}

	/**
	 * The files of each of these messages, in the order sent, in one query; messages
	 * without files are left out.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, List<AttachmentView>> byMessage(Collection<UUID> messageIds) {
		Map<UUID, List<AttachmentView>> files = new LinkedHashMap<>();
		if (messageIds.isEmpty()) {
			return files;
		}
		for (Object[] row : this.attachments.findByMessageIds(messageIds)) {
			files.computeIfAbsent((UUID) row[0], (id) -> new ArrayList<>()).add(AttachmentView.of((Attachment) row[1]));
		}
		return files;
	}

	/**
	 * A file's bytes, whoever owns it: for the upstream and the export, which reach it
	 * through a message already checked.
	 */
	@Transactional(readOnly = true)
	public byte[] bytes(UUID id) {
		return storedBytes(id).orElseThrow(() -> notFound(id));
	}

	/** A file's bytes, if they are still stored (a directory may have lost them). */
	public Optional<byte[]> storedBytes(UUID id) {
		return this.store.data(id);
	}

	/**
	 * The text of a PDF, read when it was uploaded: for servers and models that cannot
	 * read PDFs, which reach it through a message already checked. Empty where it cannot
	 * be read.
	 */
	@Transactional(readOnly = true)
	public Optional<String> text(UUID id) {
		return this.texts.find(id).orElseGet(() -> this.pdfText.of(bytes(id)));
	}

	private Attachment owned(UUID id) {
		Owner current = this.owner.get();
		return this.attachments.findById(id)
			.filter((attachment) -> current.owns(attachment.getOwnerId()))
			.orElseThrow(() -> notFound(id));
	}

	private static ProblemException notFound(UUID id) {
		return new ProblemException(ErrorCode.NOT_FOUND, "No attachment with id " + id + ".");
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
