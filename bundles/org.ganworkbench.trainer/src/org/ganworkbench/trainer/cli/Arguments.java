package org.ganworkbench.trainer.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** "--name value" options and positional arguments of one command. */
final class Arguments {

	/** A command line that cannot be understood. */
	static final class UsageException extends Exception {
		private static final long serialVersionUID = 1L;

		UsageException(String message) {
			super(message);
		}
	}

	private final Map<String, String> options = new HashMap<>();
	private final List<String> positional = new ArrayList<>();

	Arguments(List<String> args, List<String> known) throws UsageException {
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (arg.startsWith("--")) {
				String name = arg.substring(2);
				if (!known.contains(name)) {
					throw new UsageException("unknown option " + arg + " (known: --" + String.join(", --", known) + ")");
				}
				if (i + 1 >= args.size()) {
					throw new UsageException("option " + arg + " needs a value");
				}
				options.put(name, args.get(++i));
			} else {
				positional.add(arg);
			}
		}
	}

	List<String> positional() {
		return positional;
	}

	String option(String name) {
		return options.get(name);
	}

	long longOption(String name, long fallback) throws UsageException {
		String value = options.get(name);
		if (value == null) {
			return fallback;
		}
		try {
			return Long.parseLong(value);
		} catch (NumberFormatException e) {
			throw new UsageException("--" + name + " needs a whole number, got '" + value + "'");
		}
	}

	double doubleOption(String name, double fallback) throws UsageException {
		String value = options.get(name);
		if (value == null) {
			return fallback;
		}
		try {
			return Double.parseDouble(value);
		} catch (NumberFormatException e) {
			throw new UsageException("--" + name + " needs a number, got '" + value + "'");
		}
	}
}
