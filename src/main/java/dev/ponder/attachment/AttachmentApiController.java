package dev.ponder.attachment;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Files uploaded to go with a question: upload, look up, delete before sending, and their
 * bytes, served to their owner only and never as a page.
 */
@RestController
@RequestMapping("/api/attachments")
class AttachmentApiController {

	/**
	 * A served file runs nothing and loads nothing, even opened on its own: an HTML or
	 * SVG file's scripts stay dead.
	 */
	static final String SANDBOX = "sandbox; default-src 'none'";

	/** A file's bytes never change under its id. */
	static final String CACHE_FOREVER = "private, max-age=31536000, immutable";

	private final AttachmentService attachments;

	AttachmentApiController(AttachmentService attachments) {
		this.attachments = attachments;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<AttachmentView> upload(@RequestPart(name = "file", required = false) MultipartFile file) {
		AttachmentView uploaded = this.attachments.upload(file);
		return ResponseEntity.created(URI.create("/api/attachments/" + uploaded.id())).body(uploaded);
	}

	@GetMapping("/{id}")
	AttachmentView find(@PathVariable UUID id) {
		return this.attachments.find(id);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		this.attachments.delete(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/content")
	ResponseEntity<byte[]> content(@PathVariable UUID id, @RequestParam(required = false) String download,
			HttpServletResponse response) {
		return serve(this.attachments.content(id), download != null, response);
	}

	@GetMapping("/{id}/thumbnail")
	ResponseEntity<byte[]> thumbnail(@PathVariable UUID id, HttpServletResponse response) {
		return serve(this.attachments.thumbnail(id), false, response);
	}

	/**
	 * Images shown inline; everything else (PDF, text, SVG) a download, text always as
	 * plain text. Set on the response itself: the strict headers are written before the
	 * request is handled, and these replace them.
	 */
	private static ResponseEntity<byte[]> serve(StoredFile stored, boolean download, HttpServletResponse response) {
		AttachmentView file = stored.file();
		boolean inline = file.isImage() && !download;
		ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
			.filename(file.name(), StandardCharsets.UTF_8)
			.build();
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition.toString());
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Content-Security-Policy", SANDBOX);
		response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_FOREVER);
		response.setHeader(HttpHeaders.PRAGMA, null);
		response.setHeader(HttpHeaders.EXPIRES, null);
		return ResponseEntity.ok().contentType(mediaType(file)).body(stored.bytes());
	}

	private static MediaType mediaType(AttachmentView file) {
		return switch (file.kind()) {
			case "image" -> MediaType.parseMediaType(file.contentType());
			case "pdf" -> MediaType.APPLICATION_PDF;
			default -> new MediaType("text", "plain", StandardCharsets.UTF_8);
		};
	}

}
