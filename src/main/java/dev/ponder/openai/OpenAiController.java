package dev.ponder.openai;

import java.util.concurrent.CompletableFuture;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.ponder.account.CurrentAccessToken;
import dev.ponder.chat.SseStreams;

/**
 * Ponder as an OpenAI-compatible endpoint: {@code POST /v1/chat/completions} and
 * {@code GET /v1/models}, for any client of OpenAI's chat API. Its errors are OpenAI's
 * shape ({@link OpenAiExceptionHandler}), not the rest of the API's problem details.
 */
@Controller
@ResponseBody
@RequestMapping("/v1")
class OpenAiController {

	/** Names the conversation a saved call went into. */
	static final String CONVERSATION_HEADER = "X-Ponder-Conversation-Id";

	/** {@code false} keeps a call from being saved. */
	static final String SAVE_HEADER = "X-Ponder-Save";

	private final ChatCompletions completions;

	private final ApiModels models;

	private final SseStreams streams;

	private final JsonMapper jsonMapper;

	OpenAiController(ChatCompletions completions, ApiModels models, SseStreams streams, JsonMapper jsonMapper) {
		this.completions = completions;
		this.models = models;
		this.streams = streams;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * A streamed answer starts at once; a whole one is answered when it has ended, at the
	 * status of its error if it failed. Both are bodies written later, so that the
	 * request's thread is not held while the model thinks.
	 */
	@PostMapping(path = "/chat/completions")
	CompletableFuture<ResponseEntity<ResponseBodyEmitter>> complete(
			@RequestBody(required = false) ChatCompletionRequest body,
			@RequestHeader(name = SAVE_HEADER, required = false) String save) {
		AskedCompletion asked = CompletionRequestReader.read(body);
		ChatCompletions.Call call = this.completions.start(asked, saves(save));
		HttpHeaders headers = new HttpHeaders();
		if (call.conversationId() != null) {
			headers.set(CONVERSATION_HEADER, call.conversationId().toString());
		}
		if (asked.stream()) {
			ResponseEntity<SseEmitter> stream = this.streams.open(this.completions.stream(call, asked.includeUsage()));
			return CompletableFuture.completedFuture(ResponseEntity.status(stream.getStatusCode())
				.headers(stream.getHeaders())
				.headers(headers)
				.body(stream.getBody()));
		}
		return this.completions.whole(call)
			.map((completion) -> json(HttpStatus.OK, headers, completion))
			.onErrorResume(OpenAiException.class,
					(failed) -> reactor.core.publisher.Mono.just(json(failed.status(), headers, failed.error())))
			.toFuture();
	}

	@GetMapping("/models")
	ApiModels.ModelList models() {
		return this.models.list();
	}

	/** One model; its name may hold slashes ({@code deepseek/deepseek-r1}). */
	@GetMapping("/models/{*id}")
	ApiModels.Model model(@PathVariable String id) {
		String name = id.startsWith("/") ? id.substring(1) : id;
		return this.models.find(name)
			.orElseThrow(() -> OpenAiException
				.modelNotFound("No model is named '" + name + "': GET /v1/models lists them."));
	}

	/** What OpenAI's API has and Ponder does not (embeddings, images, files…). */
	@RequestMapping("/**")
	void elsewhere() {
		throw new OpenAiException(HttpStatus.NOT_FOUND,
				OpenAiError.of("Ponder serves POST /v1/chat/completions and GET /v1/models, nothing else under /v1.",
						OpenAiErrors.type(HttpStatus.NOT_FOUND), null, "not_found"));
	}

	/** A call is saved unless its header or its token says otherwise. */
	private static boolean saves(String header) {
		return !"false".equalsIgnoreCase((header != null) ? header.strip() : null) && CurrentAccessToken.savesCalls();
	}

	/** A JSON body written at once: a whole answer, or the error it ended with. */
	private ResponseEntity<ResponseBodyEmitter> json(HttpStatus status, HttpHeaders headers, Object body) {
		ResponseBodyEmitter emitter = new ResponseBodyEmitter();
		try {
			emitter.send(this.jsonMapper.writeValueAsString(body), MediaType.APPLICATION_JSON);
			emitter.complete();
		}
		catch (java.io.IOException ex) {
			emitter.completeWithError(ex);
		}
		return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_JSON).body(emitter);
	}

}
