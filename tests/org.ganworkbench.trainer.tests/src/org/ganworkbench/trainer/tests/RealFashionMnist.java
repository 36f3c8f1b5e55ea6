package org.ganworkbench.trainer.tests;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.ganworkbench.trainer.data.FashionMnist;

/**
 * Debian's Fashion-MNIST package, which the quality and dataset tests read. Missing, it skips those
 * tests on a developer's machine (the test command's summary lists the skip) and fails them under CI
 * ({@code CI=true}), where a skip would let them pass without having run.
 */
final class RealFashionMnist {

	static final Path LOCATION = FashionMnist.DEBIAN_LOCATION;

	private RealFashionMnist() {
	}

	/** Returns the package's folder when both IDX files are there; otherwise skips or fails the test. */
	static Path require() {
		boolean installed = Files.isRegularFile(LOCATION.resolve("train-images-idx3-ubyte.gz"))
				&& Files.isRegularFile(LOCATION.resolve("t10k-images-idx3-ubyte.gz"));
		String message = "Fashion-MNIST is not installed in " + LOCATION + " (Debian: dataset-fashion-mnist;"
				+ " ./gan-workbench setup test installs it)";
		if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
			fail(message + ": under CI the tests that need it must run");
		}
		assumeTrue(installed, message + "; skipped");
		return LOCATION;
	}
}
