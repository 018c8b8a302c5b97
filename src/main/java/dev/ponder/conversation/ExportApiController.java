package dev.ponder.conversation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.ponder.problem.ErrorCode;
import dev.ponder.problem.ProblemException;

/**
 * Taking conversations away and bringing them back: export one as Markdown or JSON, all
 * as JSON, and import such a JSON file.
 */
@RestController
@RequestMapping("/api")
class ExportApiController {

	private final ConversationExporter exporter;

	private final ConversationImporter importer;

	ExportApiController(ConversationExporter exporter, ConversationImporter importer) {
		this.exporter = exporter;
		this.importer = importer;
	}

	@GetMapping("/conversations/{id}/export")
	ResponseEntity<?> export(@PathVariable UUID id, @RequestParam(defaultValue = "json") String format) {
		String name = this.exporter.fileName(id);
		return switch (format) {
			case "md", "markdown" -> download(name + ".md", new MediaType("text", "markdown", StandardCharsets.UTF_8))
				.body(this.exporter.markdown(id));
			case "json" -> download(name + ".json", MediaType.APPLICATION_JSON).body(this.exporter.json(id));
			default -> throw new ProblemException(ErrorCode.INVALID_REQUEST,
					"Unknown export format '" + format + "': use md or json.");
		};
	}

	/**
	 * Written as it is read, one conversation at a time: with their files, all of a
	 * person's conversations may not fit in memory at once.
	 */
	@GetMapping("/export")
	void exportAll(HttpServletResponse response) throws IOException {
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment("ponder-export.json"));
		this.exporter.writeAll(response.getOutputStream());
	}

	/** Read as it arrives, no further than the import limit (a 413 past it). */
	@PostMapping(path = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
	ImportResult importFile(HttpServletRequest request) throws IOException {
		return this.importer.importJson(request.getInputStream(), request.getContentLengthLong());
	}

	private static ResponseEntity.BodyBuilder download(String fileName, MediaType type) {
		return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName));
	}

	private static String attachment(String fileName) {
		return ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
	}

}
