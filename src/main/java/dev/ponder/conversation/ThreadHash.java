package dev.ponder.conversation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A fingerprint of a thread from its first message down to one message: SHA-256 over the
 * fingerprint of the message before and this message's role and text. A client of the
 * OpenAI-compatible API sends the whole thread on every call; the fingerprint of what it
 * sends finds the stored thread it continues in one indexed lookup, without reading every
 * conversation's messages.
 * <p>
 * Texts are compared without the white space around them, which clients trim or keep as
 * they please.
 */
public final class ThreadHash {

	private ThreadHash() {
	}

	/**
	 * The fingerprint of a thread that ends with this message, after the thread that
	 * {@code previous} fingerprints ({@code null} for the first message).
	 */
	public static String next(String previous, MessageRole role, String content) {
		MessageDigest sha256 = sha256();
		if (previous != null) {
			sha256.update(previous.getBytes(StandardCharsets.US_ASCII));
		}
		sha256.update((byte) 0);
		sha256.update(role.name().getBytes(StandardCharsets.US_ASCII));
		sha256.update((byte) 0);
		sha256.update(((content != null) ? content.strip() : "").getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(sha256.digest());
	}

	/**
	 * The fingerprint of the thread down to {@code message}, stored after
	 * {@code previous}; {@code null} where the message before has none (a thread begun in
	 * the page), since a fingerprint must cover the whole thread from its first message.
	 */
	static String after(Message previous, Message message) {
		if (previous != null && previous.getThreadHash() == null) {
			return null;
		}
		return next((previous != null) ? previous.getThreadHash() : null, message.getRole(), message.getContent());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java has SHA-256", ex);
		}
	}

}
