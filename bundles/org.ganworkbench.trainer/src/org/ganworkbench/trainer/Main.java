package org.ganworkbench.trainer;

import java.io.PrintStream;
import java.util.Arrays;

import org.ganworkbench.trainer.cli.Commands;

/**
 * The trainer's command line (run in its own JVM by the IDE's launcher or from a shell):
 *
 * <pre>
 * train [MODEL.gan] [--run-dir D] [--steps N] [--seed S] [--gradient-check on|off]   (no MODEL: the DCGAN demo)
 * resume RUN_DIR [--checkpoint F] [--steps N] [--gradient-check on|off]
 * sample CHECKPOINT --truncation T [--seeds A,B] --out F.png   (no seeds: the run's sample grid at T)
 * info RUN_DIR
 * compare FOLDER... [--format text|csv|json]
 * quality CHECKPOINT|RUN_DIR [--samples N]
 * check-layer CLASS --input C,H,W [--classpath DIRS_OR_JARS] [--params KEY=VALUE,...]   (a custom layer's gradient check)
 * </pre>
 *
 * Exit codes: see {@link org.ganworkbench.trainer.cli.ExitCode}.
 */
public final class Main {

	private Main() {
	}

	public static void main(String[] args) {
		PrintStream out = System.out;
		int code = new Commands(out, System.err).run(Arrays.asList(args));
		out.flush();
		System.exit(code);
	}
}
