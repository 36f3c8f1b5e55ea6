package org.ganworkbench.trainer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.ganworkbench.trainer.api.check.GradientCheck;
import org.ganworkbench.trainer.api.check.GradientReport;
import org.ganworkbench.trainer.nn.Activation;
import org.ganworkbench.trainer.nn.BatchNorm;
import org.ganworkbench.trainer.nn.Chain;
import org.ganworkbench.trainer.nn.Conv;
import org.ganworkbench.trainer.nn.Dense;
import org.ganworkbench.trainer.nn.GlobalPool;
import org.ganworkbench.trainer.nn.Init;
import org.ganworkbench.trainer.nn.LayerNorm;
import org.ganworkbench.trainer.nn.MinibatchStddev;
import org.ganworkbench.trainer.nn.Pass;
import org.ganworkbench.trainer.nn.Projection;
import org.ganworkbench.trainer.nn.ResidualBlock;
import org.ganworkbench.trainer.nn.Resize;
import org.ganworkbench.trainer.nn.Rng;
import org.ganworkbench.trainer.nn.SelfAttention;
import org.ganworkbench.trainer.nn.SingleInputModule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Every module's backward pass against finite differences, in double precision. */
class ModuleGradientTest {

	private static final Function<Pass, Pass> PLAIN = p -> p;
	private static final GradientCheck CHECK = new GradientCheck(12);
	private final Rng rng = new Rng(5);
	private final Init init = new Init(rng, DataType.DOUBLE, 0.3);

	@BeforeAll
	static void doublePrecision() {
		Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
	}

	@org.junit.jupiter.api.AfterAll
	static void singlePrecision() {
		Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
	}

	private INDArray input(long... shape) {
		return rng.gaussian(DataType.DOUBLE, shape);
	}

	/** The trainer's checker, as custom layers get it, on 12 entries a tensor. */
	private static void check(String what, SingleInputModule module, INDArray x, Function<Pass, Pass> passSetup) {
		GradientReport report = CHECK.check(what, GradientCheck.of(module), x, passSetup);
		assertTrue(report.passed(), report::toString);
	}

	@Test
	void checkerCatchesAWrongBackward() {
		SingleInputModule wrong = new SingleInputModule("wrong") {
			@Override
			public INDArray forward(INDArray x, Pass pass) {
				return x.mul(x);
			}

			@Override
			public INDArray backward1(INDArray g, Pass pass) {
				return g.mul(2.01);
			}
		};
		GradientReport report = CHECK.check("wrong", GradientCheck.of(wrong), input(3, 4), PLAIN);
		assertFalse(report.passed(), report::toString);
		assertEquals("input", report.failures().get(0).name());
		assertTrue(report.verdict().startsWith("FAIL: the backward of wrong disagrees with its forward for input"),
				report.verdict());
	}

	@Test
	void dense() {
		check("dense", new Dense("D", "fc", 12, 5, true, false, init), input(3, 3, 2, 2), PLAIN);
		check("dense+sn", new Dense("D", "fc", 6, 5, true, true, init), input(3, 6), PLAIN);
	}

	@Test
	void convolutions() {
		check("conv", new Conv("D", "c", false, 2, 3, 3, 1, 1, true, false, init), input(2, 2, 5, 5), PLAIN);
		check("conv s2 same sn", new Conv("D", "c", false, 2, 3, 3, 2, -1, true, true, init),
				input(2, 2, 6, 6), PLAIN);
		check("deconv k4 s2 p1", new Conv("G", "d", true, 3, 2, 4, 2, 1, true, false, init),
				input(2, 3, 3, 3), PLAIN);
		check("deconv same sn", new Conv("G", "d", true, 3, 2, 3, 2, -1, false, true, init),
				input(2, 3, 3, 3), PLAIN);
	}

	@Test
	void normalisations() {
		check("batchnorm", BatchNorm.plain("bn", 3, 1e-5, 0.9, init), input(4, 3, 2, 2), PLAIN);
		check("batchnorm vector", BatchNorm.plain("bn", 3, 1e-5, 0.9, init), input(5, 3), PLAIN);
		check("batchnorm inference", BatchNorm.plain("bn", 3, 1e-5, 0.9, init), input(4, 3, 2, 2),
				p -> new Pass(false, false));
		check("layernorm", new LayerNorm("ln", 3, 1e-5, init), input(4, 3, 2, 2), PLAIN);
		INDArray classEmbedding = input(4, 5);
		INDArray chunk = input(4, 2);
		check("cbn", BatchNorm.conditional("G", "cbn", 3, 7, List.of("class", "z1"), 1e-5, 0.9, true, init),
				input(4, 3, 2, 2), p -> {
					p.setVector("class", classEmbedding);
					p.setVector("z1", chunk);
					return p;
				});
	}

	@Test
	void activationsAndResampling() {
		for (Activation.Kind kind : Activation.Kind.values()) {
			check(kind.name(), new Activation("a", kind, 0.2), input(3, 4), PLAIN);
		}
		check("upsample", new Resize("up", 2, true), input(2, 2, 3, 3), PLAIN);
		check("downsample", new Resize("down", 2, false), input(2, 2, 4, 4), PLAIN);
		check("sum pool", new GlobalPool("pool", false), input(2, 2, 3, 3), PLAIN);
		check("avg pool", new GlobalPool("pool", true), input(2, 2, 3, 3), PLAIN);
		check("minibatch stddev", new MinibatchStddev("mbstd", 2), input(4, 2, 2, 2), PLAIN);
	}

	@Test
	void attentionProjectionAndBlocks() {
		SelfAttention attention = new SelfAttention("D", "att", 16, false, true, init);
		// Attention starts with gamma 0, which passes x through and would hide errors in the other gradients.
		attention.params().stream().filter(p -> p.name().endsWith(".gamma")).findFirst().orElseThrow().value()
				.assign(0.7);
		check("attention", attention, input(2, 16, 3, 3), PLAIN);
		int[] labels = { 0, 2, 1 };
		check("projection", new Projection("D", "proj", 4, 3, true, init), input(3, 4),
				p -> p.withLabels(labels));
		List<SingleInputModule> main = new ArrayList<>();
		main.add(BatchNorm.plain("b.bn1", 2, 1e-5, 0.9, init));
		main.add(new Activation("b.relu1", Activation.Kind.RELU, 0));
		main.add(new Resize("b.up", 2, true));
		main.add(new Conv("G", "b.conv1", false, 2, 3, 3, 1, -1, true, false, init));
		List<SingleInputModule> shortcut = List.of(new Resize("b.up_sc", 2, true),
				new Conv("G", "b.sc", false, 2, 3, 1, 1, 0, true, false, init));
		check("gblock", new ResidualBlock("b", new Chain("b.main", main), new Chain("b.sc", shortcut)),
				input(4, 2, 2, 2), PLAIN);
	}
}
