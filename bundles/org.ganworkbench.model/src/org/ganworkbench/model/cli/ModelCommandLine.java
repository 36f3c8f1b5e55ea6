package org.ganworkbench.model.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.ganworkbench.model.LayerTable;
import org.ganworkbench.model.ModelDocument;
import org.ganworkbench.model.ModelFormatter;
import org.ganworkbench.model.ModelSource;
import org.ganworkbench.model.syntax.Problem;
import org.ganworkbench.model.Templates;

/**
 * Command line for model files, for servers and CI: {@code validate FILE...} prints the problems as
 * {@code file:line:col: severity: message} and the layer table. Also {@code format FILE} (prints
 * the canonical layout) and {@code template NAME SIZE CHANNELS}. Exit codes: 0 valid, 2 invalid
 * (or bad usage), 1 when a file cannot be read.
 */
public final class ModelCommandLine {

	public static final int OK = 0;
	public static final int IO_ERROR = 1;
	public static final int INVALID = 2;

	public static void main(String[] args) {
		System.exit(new ModelCommandLine().run(args, System.out, System.err));
	}

	public int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length == 0) {
			usage(err);
			return INVALID;
		}
		String[] rest = Arrays.copyOfRange(args, 1, args.length);
		switch (args[0]) {
		case "validate":
			return validate(rest, out, err);
		case "format":
			return format(rest, out, err);
		case "template":
			return template(rest, out, err);
		default:
			err.println("unknown command '" + args[0] + "'");
			usage(err);
			return INVALID;
		}
	}

	private static void usage(PrintStream err) {
		err.println("usage: validate FILE...          check model files, print problems and the layer table");
		err.println("       format FILE               print FILE in the canonical layout");
		err.println("       template NAME SIZE CHANNELS  print a template (" + String.join(", ", Templates.names()) + ")");
	}

	private static int validate(String[] files, PrintStream out, PrintStream err) {
		if (files.length == 0) {
			usage(err);
			return INVALID;
		}
		int result = OK;
		for (String file : files) {
			byte[] bytes;
			try {
				bytes = Files.readAllBytes(Path.of(file));
			} catch (IOException | RuntimeException e) {
				err.println(file + ": cannot read: " + e);
				result = IO_ERROR;
				continue;
			}
			ModelDocument document = ModelDocument.read(bytes);
			for (Problem p : document.problems()) {
				out.println(file + ":" + p);
			}
			out.println(file + ":");
			out.print(LayerTable.format(document.model()));
			if (document.hasErrors() && result == OK) {
				result = INVALID;
			}
		}
		return result;
	}

	private static int format(String[] files, PrintStream out, PrintStream err) {
		if (files.length != 1) {
			usage(err);
			return INVALID;
		}
		ModelSource source;
		try {
			source = ModelSource.decode(Files.readAllBytes(Path.of(files[0])));
		} catch (IOException | RuntimeException e) {
			err.println(files[0] + ": cannot read: " + e);
			return IO_ERROR;
		}
		if (!source.problems().isEmpty()) {
			for (Problem p : source.problems()) {
				err.println(files[0] + ":" + p);
			}
			return INVALID; // reformatting would write U+FFFD for the bytes it could not read
		}
		out.print(ModelFormatter.format(source.text()));
		return OK;
	}

	private static int template(String[] args, PrintStream out, PrintStream err) {
		try {
			if (args.length != 3) {
				throw new IllegalArgumentException("template needs NAME SIZE CHANNELS");
			}
			out.print(Templates.text(args[0], Integer.parseInt(args[1]), Integer.parseInt(args[2])));
			return OK;
		} catch (IllegalArgumentException e) {
			err.println(e.getMessage());
			return INVALID;
		}
	}
}
