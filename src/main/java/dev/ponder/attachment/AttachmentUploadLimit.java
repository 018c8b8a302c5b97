package dev.ponder.attachment;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.ponder.format.Sizes;
import dev.ponder.problem.ErrorCode;

/**
 * Refuses an upload larger than a file may be from its {@code Content-Length}, with the
 * API's problem details, before anything reads it: past the servlet container's limit the
 * person would get a bare 413 instead of a sentence.
 */
class AttachmentUploadLimit extends OncePerRequestFilter {

	private final AttachmentProperties properties;

	private final long largestUpload;

	private final JsonMapper jsonMapper;

	AttachmentUploadLimit(AttachmentProperties properties, long largestUpload, JsonMapper jsonMapper) {
		this.properties = properties;
		this.largestUpload = largestUpload;
		this.jsonMapper = jsonMapper;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		if (length <= this.largestUpload) {
			chain.doFilter(request, response);
			return;
		}
		ProblemDetail problem = ErrorCode.ATTACHMENT_TOO_LARGE.problem("The file is about " + Sizes.inWords(length)
				+ "; a file may be up to " + this.properties.maxSizeInWords() + ".");
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.jsonMapper.writeValue(response.getOutputStream(), problem);
	}

}
