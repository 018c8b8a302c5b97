package dev.ponder.attachment;

/** A file's name as given, made safe to keep and to show. */
final class FileNames {

	private static final int LONGEST = 255;

	private FileNames() {
	}

	/**
	 * The last part of the name (browsers once sent {@code C:\fakepath\…}), without
	 * control characters, at most 255 characters; "file" where nothing is left.
	 */
	static String clean(String name) {
		if (name == null) {
			return "file";
		}
		String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		String cleaned = base.codePoints()
			.filter((c) -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString()
			.strip();
		if (cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..")) {
			return "file";
		}
		if (cleaned.length() <= LONGEST) {
			return cleaned;
		}
		// Never half of a character that takes two chars.
		int end = Character.isHighSurrogate(cleaned.charAt(LONGEST - 1)) ? LONGEST - 1 : LONGEST;
		return cleaned.substring(0, end);
	}

}
