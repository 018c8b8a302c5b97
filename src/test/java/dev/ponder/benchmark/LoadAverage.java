package dev.ponder.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's load average over 1, 5 and 15 minutes, printed beside every figure: on a
 * shared 2-core machine it says how much the figure can be trusted.
 */
final class LoadAverage {

	private LoadAverage() {
	}

	static String now() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

}
