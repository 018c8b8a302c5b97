package dev.ponder.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as the server sees it, without the rendering: its own cookies, redirects not
 * followed, and forms posted with the CSRF token the page carried.
 */
public final class Visitor {

	private static final Pattern CSRF = Pattern
		.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"|name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final String base;

	private final CookieManager cookies;

	private final HttpClient http;

	public Visitor(int port) {
		this(port, new CookieManager());
	}

	private Visitor(int port, CookieManager cookies) {
		this.base = "http://127.0.0.1:" + port;
		this.cookies = cookies;
		this.http = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/**
	 * The same browser, with the same cookies, sent to another port: another instance
	 * behind the same address.
	 */
	public Visitor at(int port) {
		return new Visitor(port, this.cookies);
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
	}

	/**
	 * Opens {@code page} for its CSRF token, then posts the form to {@code action}, as a
	 * browser would (with an Origin header).
	 */
	public HttpResponse<String> submit(String page, String action, Map<String, String> fields) {
		String token = csrfTokenOf(get(page).body());
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", token);
		return post(action, all);
	}

	/** Posts a form with exactly these fields, CSRF token or not. */
	public HttpResponse<String> post(String action, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(this.base + action))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Origin", this.base)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * Opens {@code page} for its CSRF token, then uploads one file to {@code action} as a
	 * {@code multipart/form-data} form, as a browser would.
	 */
	public HttpResponse<String> upload(String page, String action, String field, String fileName, byte[] content) {
		String token = csrfTokenOf(get(page).body());
		String boundary = "ponder-test-" + System.nanoTime();
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/json\r\n\r\n";
		String tail = "\r\n--" + boundary + "--\r\n";
		return send(HttpRequest.newBuilder(URI.create(this.base + action))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Origin", this.base)
			.POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head, StandardCharsets.UTF_8),
					HttpRequest.BodyPublishers.ofByteArray(content),
					HttpRequest.BodyPublishers.ofString(tail, StandardCharsets.UTF_8))));
	}

	/** A file in a form: the field it goes in, its name and bytes. */
	public record FormFile(String field, String fileName, byte[] content) {
	}

	/**
	 * Submits a multipart form as a browser does without JavaScript: the page's CSRF
	 * token, the fields, then the files.
	 */
	public HttpResponse<String> submitFiles(String page, String action, Map<String, String> fields,
			List<FormFile> files) {
		String token = csrfTokenOf(get(page).body());
		String boundary = "ponder-form-" + System.nanoTime();
		List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
		Map<String, String> all = new LinkedHashMap<>();
		all.put("_csrf", token);
		all.putAll(fields);
		all.forEach((name,
				value) -> parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary
						+ "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n",
						StandardCharsets.UTF_8)));
		for (FormFile file : files) {
			parts.add(HttpRequest.BodyPublishers.ofString(
					"--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field() + "\"; filename=\""
							+ file.fileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n",
					StandardCharsets.UTF_8));
			parts.add(HttpRequest.BodyPublishers.ofByteArray(file.content()));
			parts.add(HttpRequest.BodyPublishers.ofString("\r\n", StandardCharsets.UTF_8));
		}
		parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "--\r\n", StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(this.base + action))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Origin", this.base)
			.POST(HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new))));
	}

	/**
	 * Posts JSON with the session's cookies and, if given, a CSRF token, but no
	 * {@code Origin}: as an old browser or a forged request from a webview might.
	 */
	public HttpResponse<String> postJson(String path, String json, String csrfToken) {
		return send(jsonPost(path, json, csrfToken));
	}

	/**
	 * Posts JSON as {@link #postJson} does, without waiting for the answer: for an answer
	 * that streams.
	 */
	public CompletableFuture<HttpResponse<String>> postJsonAsync(String path, String json, String csrfToken) {
		return this.http.sendAsync(jsonPost(path, json, csrfToken).timeout(Duration.ofSeconds(60)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder jsonPost(String path, String json, String csrfToken) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (csrfToken != null) {
			request.header("X-CSRF-TOKEN", csrfToken);
		}
		return request;
	}

	/** Logs in through the form and says where it was sent next. */
	public HttpResponse<String> logIn(String username, String password, boolean rememberMe) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("username", username);
		fields.put("password", password);
		if (rememberMe) {
			fields.put("remember-me", "on");
		}
		return submit("/login", "/login", fields);
	}

	public String cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	/** Keeps only one cookie, as a browser reopened days later with its session gone. */
	public void keepOnly(String name) {
		this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> !cookie.getName().equals(name))
			.toList()
			.forEach((cookie) -> this.cookies.getCookieStore().remove(null, cookie));
	}

	/** Where a redirect sends the browser; anything but a redirect fails the test. */
	public static String location(HttpResponse<String> response) {
		if (response.statusCode() < 300 || response.statusCode() > 399) {
			throw new AssertionError("Not a redirect but " + response.statusCode() + ": " + response.body());
		}
		return response.headers().firstValue("Location").orElseThrow();
	}

	public static String csrfTokenOf(String html) {
		Matcher matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new AssertionError("The page has no CSRF token:\n" + html);
		}
		return (matcher.group(1) != null) ? matcher.group(1) : matcher.group(2);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			// As browsers ask for pages: without it, Spring Security answers some as an
			// API call.
			request.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
			return this.http.send(request.timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
