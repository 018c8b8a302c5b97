package dev.ponder.attachment;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import dev.ponder.format.Sizes;
import dev.ponder.problem.ErrorCode;
import dev.ponder.web.RequestBodyLimit;

/**
 * How an upload larger than a file may be is refused: the API's problem details, with its
 * size, as the attachment check would say.
 */
class AttachmentUploadLimit implements RequestBodyLimit.Refusal {

	private final AttachmentProperties properties;

	private final JsonMapper jsonMapper;

	AttachmentUploadLimit(AttachmentProperties properties, JsonMapper jsonMapper) {
		this.properties = properties;
		this.jsonMapper = jsonMapper;
	}

	@Override
	public void refuse(HttpServletRequest request, HttpServletResponse response, long length) throws IOException {
		ProblemDetail problem = ErrorCode.ATTACHMENT_TOO_LARGE.problem("The file is about " + Sizes.inWords(length)
				+ "; a file may be up to " + this.properties.maxSizeInWords() + ".");
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.jsonMapper.writeValue(response.getOutputStream(), problem);
	}

}
