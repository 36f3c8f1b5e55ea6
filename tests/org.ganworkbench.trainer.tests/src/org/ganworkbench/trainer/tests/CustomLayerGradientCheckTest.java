package org.ganworkbench.trainer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.ganworkbench.model.json.Json;
import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunEvent;
import org.ganworkbench.trainer.api.CustomLayer;
import org.ganworkbench.trainer.api.check.CustomLayerCheck;
import org.ganworkbench.trainer.api.check.GradientReport;
import org.ganworkbench.trainer.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import gan.layers.ScaledNoise;
import gan.layers.WrongGradientLayer;

/**
 * The gradient check custom layers get: a layer with a deliberately wrong backward
 * ({@link WrongGradientLayer}: its parameter's gradient leaves out the input) is caught by the API, by
 * {@code check-layer} (exit 5, the line of parameter scale says FAIL) and at a run's start (status
 * failed naming the layer, its line and the parameter; nothing trained); the example layer passes all three.
 */
class CustomLayerGradientCheckTest {

	private static final String EXAMPLE = "gan.layers.ScaledNoise";
	private static final String WRONG = "gan.layers.WrongGradientLayer";

	@TempDir
	Path dir;

	@Test
	void theApiPassesTheExampleAndNamesTheWrongParameter() {
		GradientReport example = CustomLayerCheck.check(new ScaledNoise(), new long[] { 8, 4, 4 }, Map.of("strength", 0.1));
		assertTrue(example.passed(), example::toString);
		assertEquals(List.of("input", "scale"), example.tensors().stream().map(GradientReport.Tensor::name).toList());
		assertTrue(example.tensors().stream().allMatch(t -> t.worstError() < 1e-6 && t.entries() > 0), example::toString);

		GradientReport wrong = CustomLayerCheck.check(new WrongGradientLayer(), new long[] { 8, 4, 4 }, Map.of());
		assertFalse(wrong.passed(), wrong::toString);
		assertEquals(List.of("scale"), wrong.failures().stream().map(GradientReport.Tensor::name).toList(),
				"the input's gradient is right, the parameter's is not: " + wrong);
		assertTrue(wrong.failures().get(0).worstError() > 0.1, wrong::toString);
		assertTrue(wrong.verdict().contains("disagrees with its forward for parameter scale"), wrong.verdict());

		GradientReport vector = CustomLayerCheck.check(new WrongGradientLayer(), new long[] { 6 }, Map.of());
		assertEquals(List.of("scale"), vector.failures().stream().map(GradientReport.Tensor::name).toList(),
				vector::toString);
	}

	/** A layer that computes in float whatever it is given cannot be checked in double: said, not passed. */
	@Test
	void aLayerIgnoringDoublePrecisionIsReportedNotPassed() {
		CustomLayer floatOnly = new CustomLayer() {
			@Override
			public INDArray forward(INDArray input, Context context) {
				return input.castTo(DataType.FLOAT);
			}

			@Override
			public INDArray backward(INDArray gradOutput, Context context) {
				return gradOutput;
			}
		};
		GradientReport report = CustomLayerCheck.check(floatOnly, new long[] { 3 }, Map.of());
		assertFalse(report.passed());
		assertTrue(report.verdict().contains("forward returned FLOAT for a DOUBLE input"), report.verdict());
	}

	@Test
	void checkLayerPassesTheExampleLayer() {
		TrainingFixtures.Result result = TrainingFixtures.run("check-layer", EXAMPLE, "--input", "8,4,4", "--params",
				"strength=0.1,params=8");
		assertEquals(ExitCode.OK, result.code(), result.out() + result.err());
		assertTrue(line(result.out(), "  input ").endsWith("PASS"), result.out());
		assertTrue(line(result.out(), "  parameter scale ").endsWith("PASS"), result.out());
		assertTrue(result.out().contains("PASS: the backward of gan.layers.ScaledNoise agrees"), result.out());
	}

	@Test
	void checkLayerCatchesAWrongBackwardAndNamesTheParameter() {
		TrainingFixtures.Result result = TrainingFixtures.run("check-layer", WRONG, "--input", "8,4,4");
		assertEquals(ExitCode.GRADIENT_CHECK_FAILED, result.code(), result.out() + result.err());
		assertTrue(line(result.out(), "  input ").endsWith("PASS"), result.out());
		String scale = line(result.out(), "  parameter scale ");
		assertTrue(scale.contains("[8]") && scale.contains("FAIL") && scale.contains("at scale["), result.out());
		assertTrue(result.out().contains("FAIL: the backward of " + WRONG
				+ " disagrees with its forward for parameter scale (worst relative error"), result.out());
	}

	@Test
	void checkLayerSaysWhatIsWrongWithTheClassOrTheArguments() {
		TrainingFixtures.Result missing = TrainingFixtures.run("check-layer", "gan.layers.Missing", "--input", "8,4,4");
		assertEquals(ExitCode.INVALID_MODEL, missing.code());
		assertTrue(missing.err().contains("class gan.layers.Missing not found on the classpath"), missing.err());
		TrainingFixtures.Result notALayer = TrainingFixtures.run("check-layer", "java.lang.String", "--input", "8,4,4");
		assertEquals(ExitCode.INVALID_MODEL, notALayer.code());
		assertTrue(notALayer.err().contains("java.lang.String is not a custom layer: it does not implement "
				+ CustomLayer.class.getName()), notALayer.err());
		TrainingFixtures.Result countWrong = TrainingFixtures.run("check-layer", EXAMPLE, "--input", "8,4,4", "--params",
				"params=9");
		assertEquals(ExitCode.INVALID_MODEL, countWrong.code());
		assertTrue(countWrong.err().contains("declares 8 parameters in setup but the model file says params = 9"),
				countWrong.err());
		assertEquals(ExitCode.USAGE, TrainingFixtures.run("check-layer", EXAMPLE).code(), "no --input");
		assertEquals(ExitCode.USAGE, TrainingFixtures.run("check-layer", EXAMPLE, "--input", "8,4").code());
		assertEquals(ExitCode.USAGE, TrainingFixtures.run("check-layer", EXAMPLE, "--input", "8", "--params", "=1").code());
		assertEquals(ExitCode.USAGE,
				TrainingFixtures.run("check-layer", EXAMPLE, "--input", "8", "--classpath", dir.resolve("nowhere").toString())
						.code());
	}

	/**
	 * What the IDE passes: the project's compiled classes. Its copy of the example layer, here with the
	 * noise left out of the scale's gradient, is the one checked, not the trainer's own.
	 */
	@Test
	void checkLayerChecksTheProjectsCopyFromTheClasspath() throws Exception {
		Path classes = compile("gan.layers.ScaledNoise", """
				package gan.layers;
				import org.ganworkbench.trainer.api.CustomLayer;
				import org.nd4j.linalg.api.ndarray.INDArray;
				import org.nd4j.linalg.factory.Nd4j;
				public class ScaledNoise implements CustomLayer {
					public void setup(Setup setup) {
						setup.addParameter("scale", Nd4j.ones(setup.inputShape()[0]));
					}
					public INDArray forward(INDArray input, Context context) {
						INDArray noise = context.gaussian(input.shape()).muli(0.1);
						context.save(noise);
						return input.add(noise.mul(context.parameter("scale").reshape(1, input.size(1), 1, 1)));
					}
					public INDArray backward(INDArray gradOutput, Context context) {
						context.addGradient("scale", gradOutput.sum(0, 2, 3)); // forgot the noise
						return gradOutput;
					}
				}
				""");
		TrainingFixtures.Result result = TrainingFixtures.run("check-layer", EXAMPLE, "--input", "4,3,3", "--classpath",
				classes.toString());
		assertEquals(ExitCode.GRADIENT_CHECK_FAILED, result.code(), result.out() + result.err());
		assertTrue(line(result.out(), "  parameter scale ").contains("FAIL"), result.out());
		assertEquals(ExitCode.OK, TrainingFixtures.run("check-layer", EXAMPLE, "--input", "4,3,3").code(),
				"without the classpath, the trainer's own copy");
	}

	@Test
	void aRunStopsAtItsStartWhenACustomLayersBackwardIsWrong() throws Exception {
		String text = TrainingFixtures.tiny("dcgan", 1).replace(EXAMPLE, WRONG);
		int line = lineOf(text, "custom noise1");
		Path model = dir.resolve("model.gan");
		Files.writeString(model, text);
		Path runDir = dir.resolve("run");
		TrainingFixtures.Result result = TrainingFixtures.run("train", model.toString(), "--run-dir", runDir.toString(),
				"--steps", "2");
		assertEquals(ExitCode.GRADIENT_CHECK_FAILED, result.code(), result.out() + result.err());
		String expected = "gradient check failed: custom 'noise1' (line " + line + ", " + WRONG
				+ "): its backward disagrees with its forward for parameter scale (worst relative error";
		assertTrue(result.err().contains(expected), result.err());
		assertTrue(result.err().contains("check-layer " + WRONG + " --input 64,4,4 --params params=64,strength=0.1"),
				result.err());

		List<RunEvent> events = new RunDirectory(runDir).readEvents();
		RunEvent last = events.get(events.size() - 1);
		assertEquals("failed", last.text("state"));
		assertTrue(last.text("message").contains(expected), last.text("message"));
		assertEquals("noise1", last.text("layer"));
		assertEquals("scale", last.text("tensor"));
		assertEquals(line, (int) Json.number(last.fields().get("line"), -1));
		assertTrue(events.stream().noneMatch(e -> e.type().equals(RunEvent.METRICS)), "nothing trained");
		assertTrue(new RunDirectory(runDir).checkpointFiles().isEmpty());

		Path skipped = dir.resolve("skipped");
		TrainingFixtures.Result off = TrainingFixtures.run("train", model.toString(), "--run-dir", skipped.toString(),
				"--steps", "1", "--gradient-check", "off");
		assertEquals(ExitCode.OK, off.code(), off.err());
		assertFalse(off.out().contains("gradient check"), off.out());
	}

	@Test
	void aRunChecksTheExampleLayerAtItsStartAndTrains() throws Exception {
		Path model = dir.resolve("model.gan");
		Files.writeString(model, TrainingFixtures.tiny("dcgan", 1));
		TrainingFixtures.Result result = TrainingFixtures.run("train", model.toString(), "--run-dir",
				dir.resolve("run").toString(), "--steps", "1");
		assertEquals(ExitCode.OK, result.code(), result.err());
		String check = line(result.out(), "gradient check: custom 'noise1'");
		assertTrue(check.contains(EXAMPLE) && check.contains("input ") && check.contains("scale ") && check.endsWith(": PASS"),
				result.out());
	}

	private Path compile(String className, String source) throws Exception {
		Path src = dir.resolve("src").resolve(className.replace('.', '/') + ".java");
		Files.createDirectories(src.getParent());
		Files.writeString(src, source);
		Path classes = Files.createDirectories(dir.resolve("classes"));
		JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		assertNotNull(javac, "the tests run on a JDK");
		int status = javac.run(null, null, null, "-d", classes.toString(), "-cp", TrainerProcess.classpath(),
				"-proc:none", src.toString());
		assertEquals(0, status, "the project's layer compiled");
		assertTrue(Files.isRegularFile(classes.resolve(className.replace('.', File.separatorChar) + ".class")));
		return classes;
	}

	private static String line(String output, String start) {
		return output.lines().filter(l -> l.startsWith(start)).findFirst()
				.orElseThrow(() -> new AssertionError("no line starting '" + start + "' in:\n" + output));
	}

	private static int lineOf(String text, String part) {
		List<String> lines = text.lines().toList();
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(part)) {
				return i + 1;
			}
		}
		throw new AssertionError("no '" + part + "' in the model");
	}
}
