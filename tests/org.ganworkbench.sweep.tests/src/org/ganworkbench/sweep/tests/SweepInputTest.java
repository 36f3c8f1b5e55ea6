package org.ganworkbench.sweep.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.ganworkbench.sweep.SweepDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input: an invalid sweep block is refused with located errors, a model without one with a hint,
 * an unreachable master within seconds with a message, and a trial that diverges is recorded as
 * diverged while the other trials finish.
 */
class SweepInputTest {

	@TempDir
	Path folder;

	@Test
	void anInvalidSweepBlockIsRefusedWithLocatedErrors() throws Exception {
		String text = TinySweeps.model("    vary \"training.nope\" { values = [1] }");
		Path model = TinySweeps.write(folder, "bad.gan", text);
		TinySweeps.Result result = TinySweeps.run(new SweepDriver.Options(model, null, null, null, null, null));
		assertEquals(SweepDriver.INVALID_MODEL, result.exit());
		int line = (int) text.lines().takeWhile(l -> !l.contains("training.nope")).count() + 1;
		assertTrue(result.err().startsWith(model + ":" + line + ":10: error: a sweep varies a key of latent, data or training"),
				result.err());

		// every value is one the key accepts, but a width of 96 does not fit the reshape after it
		String misfit = TinySweeps.model("    vary \"generator.fc.units\" { values = [6272, 96] }");
		TinySweeps.Result trial = TinySweeps.run(new SweepDriver.Options(TinySweeps.write(folder, "misfit.gan", misfit), null, null,
				null, null, null));
		assertEquals(SweepDriver.INVALID_MODEL, trial.exit());
		assertTrue(trial.err().contains("trial t01-units=96 {generator.fc.units=96}: "), trial.err());
		assertTrue(trial.err().contains("error: reshape 'r' cannot turn [N, 96] into [N, 128, 7, 7]"), trial.err());
		assertTrue(Files.notExists(folder.resolve("runs").resolve("misfit-sweep")), "no trial started");

		Path plain = TinySweeps.write(folder, "plain.gan", text.substring(0, text.indexOf("  sweep {")) + "}\n");
		TinySweeps.Result none = TinySweeps.run(new SweepDriver.Options(plain, null, null, null, null, null));
		assertEquals(SweepDriver.INVALID_MODEL, none.exit());
		assertTrue(none.err().contains("the model has no sweep block"), none.err());
	}

	@Test
	void anUnreachableMasterIsReportedWithinSeconds() throws Exception {
		Path model = TinySweeps.write(folder, "m.gan", TinySweeps.model("    vary \"training.batch\" { values = [8] }"));
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort(); // closed again: nothing listens there
		}
		long started = System.nanoTime();
		Exception refused = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
				() -> TinySweeps.run(new SweepDriver.Options(model, "spark://127.0.0.1:" + port, null, null, null, null)));
		double seconds = (System.nanoTime() - started) / 1e9;
		assertTrue(seconds < 10, seconds + " s");
		assertTrue(refused.getMessage().startsWith("cannot reach the Spark master at spark://127.0.0.1:" + port), refused.getMessage());
		assertTrue(refused.getMessage().contains("Without --master the sweep runs on this machine"), refused.getMessage());
		assertTrue(Files.notExists(folder.resolve("runs")), "nothing written before the master answered");

		Exception kubernetes = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
				() -> TinySweeps.run(new SweepDriver.Options(model, "k8s://https://127.0.0.1:" + port, null, null, null, null)));
		assertTrue(kubernetes.getMessage().startsWith("the k8s:// master needs Spark's Kubernetes module"), kubernetes.getMessage());
	}

	/** A layer that passes its gradient check but emits NaN from step 2 when its batch holds 9 samples. */
	private static final String NAN_LAYER = """
			package sweeptest;

			import org.ganworkbench.trainer.api.CustomLayer;
			import org.nd4j.linalg.api.ndarray.INDArray;
			import org.nd4j.linalg.factory.Nd4j;

			public class NanForBatchOf9 implements CustomLayer {
				@Override
				public void setup(Setup setup) {
					setup.addParameter("gain", Nd4j.ones(1));
				}

				@Override
				public INDArray forward(INDArray input, Context context) {
					context.save(input);
					INDArray output = input.mul(context.parameter("gain").getDouble(0));
					if (context.step() >= 2 && input.size(0) == 9) {
						output.putScalar(0, Double.NaN);
					}
					return output;
				}

				@Override
				public INDArray backward(INDArray gradOutput, Context context) {
					INDArray input = (INDArray) context.saved()[0];
					context.addGradient("gain", gradOutput.mul(input).sum().reshape(1));
					return gradOutput.mul(context.parameter("gain").getDouble(0));
				}
			}
			""";

	@Test
	void aDivergedTrialIsRecordedAndTheOthersFinish() throws Exception {
		Path sources = Files.createDirectories(folder.resolve("src/sweeptest"));
		Files.writeString(sources.resolve("NanForBatchOf9.java"), NAN_LAYER);
		Path classes = Files.createDirectories(folder.resolve("classes"));
		JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		ByteArrayOutputStream messages = new ByteArrayOutputStream();
		int compiled = javac.run(null, messages, messages, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
				sources.resolve("NanForBatchOf9.java").toString());
		assertEquals(0, compiled, messages.toString(StandardCharsets.UTF_8));

		String text = TinySweeps.model("""
				    objective = loss_g
				    vary "training.batch" { values = [8, 9] }""");
		String layer = "custom nan { class = \"sweeptest.NanForBatchOf9\"; params = 1 }";
		String anchor = text.lines().filter(l -> l.trim().startsWith("tanh ")).findFirst().orElseThrow();
		text = text.replace(anchor, anchor.replaceAll("\\S.*", layer) + "\n" + anchor);
		Path model = TinySweeps.write(folder, "nan.gan", text);
		String classpath = System.getProperty("java.class.path") + java.io.File.pathSeparator + classes;
		TinySweeps.Result result = TinySweeps.run(new SweepDriver.Options(model, null, 2, null, null, classpath));
		Map<String, Object> json = TinySweeps.sweepJson(folder.resolve("runs").resolve("nan-sweep"));
		List<?> trials = (List<?>) json.get("trials");
		Map<?, ?> eight = (Map<?, ?>) trials.get(0);
		Map<?, ?> nine = (Map<?, ?>) trials.get(1);
		assertEquals("t01-batch=9", nine.get("name"));
		assertEquals("diverged", nine.get("state"), result.out() + result.err());
		assertEquals("finished", eight.get("state"), result.out() + result.err());
		assertEquals(SweepDriver.OK, result.exit(), "a diverged trial is done, not a failure of the sweep");
		assertEquals("t00-batch=8", json.get("best"));
	}
}
