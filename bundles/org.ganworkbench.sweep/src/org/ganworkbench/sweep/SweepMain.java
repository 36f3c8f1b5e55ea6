package org.ganworkbench.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sweep MODEL.gan [--master URL] [--parallel N] [--dir DIR] [--steps N] [--trainer-classpath CP]}:
 * the sweep driver's own JVM (never the IDE's OSGi runtime). Exit 0 when every trial is done (finished,
 * diverged or pruned), 1 when some are left (failed, interrupted) or on an I/O error, 2 for a model that
 * is invalid or has no sweep block, 64 for a usage error.
 */
public final class SweepMain {

	private static final String USAGE = "usage: sweep MODEL.gan [--master local|spark://HOST:PORT] [--parallel N]"
			+ " [--dir DIR] [--steps N] [--trainer-classpath CP]";
	private static final int USAGE_ERROR = 64;

	private SweepMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		System.exit(run(args));
	}

	static int run(String[] args) throws InterruptedException {
		List<String> positional = new ArrayList<>();
		String master = null;
		Integer parallel = null;
		Path directory = null;
		Long steps = null;
		String classpath = null;
		try {
			for (int i = 0; i < args.length; i++) {
				String arg = args[i];
				if (!arg.startsWith("--")) {
					positional.add(arg);
					continue;
				}
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException(arg + " needs a value");
				}
				String value = args[++i];
				switch (arg) {
				case "--master" -> master = value;
				case "--parallel" -> parallel = positive(arg, value);
				case "--dir" -> directory = Path.of(value);
				case "--steps" -> steps = (long) positive(arg, value);
				case "--trainer-classpath" -> classpath = value;
				default -> throw new IllegalArgumentException("unknown option " + arg);
				}
			}
			if (positional.size() != 1) {
				throw new IllegalArgumentException("sweep takes one model file");
			}
		} catch (IllegalArgumentException e) {
			System.err.println(e.getMessage());
			System.err.println(USAGE);
			return USAGE_ERROR;
		}
		try {
			return new SweepDriver(System.out, System.err)
					.run(new SweepDriver.Options(Path.of(positional.get(0)), master, parallel, directory, steps, classpath));
		} catch (IOException e) {
			System.err.println("sweep: " + e.getMessage());
			return SweepDriver.TRIALS_LEFT;
		}
	}

	private static int positive(String option, String value) {
		try {
			int n = Integer.parseInt(value);
			if (n >= 1) {
				return n;
			}
		} catch (NumberFormatException e) {
			// the message below says what is wanted
		}
		throw new IllegalArgumentException(option + " needs a whole number of at least 1, got '" + value + "'");
	}
}
