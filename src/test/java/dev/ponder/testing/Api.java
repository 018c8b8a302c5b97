package dev.ponder.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A script calling the JSON API: no cookies, no browser headers, its credentials (if any)
 * on every request.
 */
public final class Api {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final String base;

	private final String authorization;

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private Api(int port, String authorization) {
		this.base = "http://127.0.0.1:" + port;
		this.authorization = authorization;
	}

	public static Api anonymous(int port) {
		return new Api(port, null);
	}

	public static Api basic(int port, String username, String password) {
		return new Api(port, "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

	public static Api bearer(int port, String token) {
		return new Api(port, "Bearer " + token);
	}

	public Reply get(String path) {
		return call("GET", path, null);
	}

	public Reply post(String path, String body) {
		return call("POST", path, body);
	}

	/** Uploads one file as the multipart part {@code file}, as a script would. */
	public Reply upload(String path, String fileName, byte[] content) {
		String boundary = "ponder-api-" + System.nanoTime();
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
		String tail = "\r\n--" + boundary + "--\r\n";
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(15))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head, StandardCharsets.UTF_8),
					HttpRequest.BodyPublishers.ofByteArray(content),
					HttpRequest.BodyPublishers.ofString(tail, StandardCharsets.UTF_8)));
		if (this.authorization != null) {
			request.header("Authorization", this.authorization);
		}
		return send(request);
	}

	public Reply call(String method, String path, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(15))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (this.authorization != null) {
			request.header("Authorization", this.authorization);
		}
		return send(request);
	}

	private Reply send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Reply(response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** What the server answered. */
	public record Reply(HttpResponse<String> response) {

		public int status() {
			return this.response.statusCode();
		}

		public String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

		public String text() {
			return this.response.body();
		}

		public JsonNode body() {
			return this.response.body().isEmpty() ? json.readTree("{}") : json.readTree(this.response.body());
		}

		@Override
		public String toString() {
			return this.response.statusCode() + " " + this.response.body();
		}

	}

}
