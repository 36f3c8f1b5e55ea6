package org.ganworkbench.trainer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.ganworkbench.trainer.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.jdi.ArrayReference;
import com.sun.jdi.Bootstrap;
import com.sun.jdi.ClassLoaderReference;
import com.sun.jdi.ClassObjectReference;
import com.sun.jdi.ClassType;
import com.sun.jdi.DoubleValue;
import com.sun.jdi.LongValue;
import com.sun.jdi.Method;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.StringReference;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.Value;
import com.sun.jdi.Location;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StackFrame;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.AttachingConnector;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.VMDeathEvent;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;

/**
 * What Debug As does: the trainer JVM starts with a JDWP agent, a debugger attaches, and a
 * breakpoint in the example custom layer suspends a training step with the live input array. The
 * debugger then evaluates, in the suspended trainer, what the IDE's logical structure for INDArray
 * evaluates ({@code TensorSummary.of(this)}), and checks it against ND4J's own reductions of the array.
 */
class DebuggerTest {

	private static final String LAYER = "gan.layers.ScaledNoise";
	private static final String SUMMARY = "org.ganworkbench.trainer.api.debug.TensorSummary";
	private static final String HOOK = "org.ganworkbench.trainer.api.debug.NonFiniteHook";
	private static final Pattern PORT = Pattern.compile("Listening for transport dt_socket at address: (\\d+)");

	@TempDir
	Path dir;

	@Test
	void breakpointInCustomLayerSuspendsATrainingStep() throws Exception {
		Path model = dir.resolve("model.gan");
		Files.writeString(model, TrainingFixtures.tiny("dcgan", 1));
		Process trainer = startSuspended(List.of("train", model.toString(), "--run-dir", dir.resolve("run").toString(),
				"--steps", "3"));
		boolean[] hit = { false };
		debug(trainer, LAYER, "forward", breakpoint -> {
			if (!hit[0]) {
				hit[0] = true;
				inspect(breakpoint);
				breakpoint.request().disable();
			}
		});
		assertTrue(hit[0], "the breakpoint was never hit");
		assertTrue(trainer.waitFor(60, TimeUnit.SECONDS));
		assertEquals(0, trainer.exitValue());
	}

	/**
	 * Stop on the first NaN: a custom layer whose output holds a NaN from step 3 stops the run in
	 * NonFiniteHook.firstNonFinite at step 3, with that layer's name, its input and its output in scope;
	 * resumed, the run ends diverged as without the option.
	 */
	@Test
	void stopOnNanSuspendsInTheHookWhereTheValueIsBorn() throws Exception {
		Path model = dir.resolve("model.gan");
		Files.writeString(model, TrainingFixtures.tiny("dcgan", 1).replace(
				"custom noise1 { class = \"gan.layers.ScaledNoise\"; params = 64; strength = 0.1 }",
				"custom noise1 { class = \"gan.layers.NanOutput\"; params = 1 }"));
		Process trainer = startSuspended(List.of("train", model.toString(), "--run-dir", dir.resolve("run").toString(),
				"--steps", "6", "--stop-on-nan", "on"));
		List<String> stops = new ArrayList<>();
		debug(trainer, HOOK, "firstNonFinite", breakpoint -> {
			StackFrame frame = breakpoint.thread().frame(0);
			String module = ((StringReference) frame.getValue(frame.visibleVariableByName("module"))).value();
			String phase = ((StringReference) frame.getValue(frame.visibleVariableByName("phase"))).value();
			long step = ((LongValue) frame.getValue(frame.visibleVariableByName("step"))).value();
			ObjectReference output = (ObjectReference) frame.getValue(frame.visibleVariableByName("output"));
			assertTrue(output.referenceType().name().contains("NDArray"), output.referenceType().name());
			assertNotNull(frame.getValue(frame.visibleVariableByName("inputs")), "the module's inputs");
			assertTrue(breakpoint.thread().frames().stream().anyMatch(f -> f.location().method().name().equals("trainStep")),
					"suspended inside the training step");
			stops.add(phase + " " + module + " " + step);
		});
		assertEquals(List.of("forward noise1 3"), stops, "one stop, in the forward of the layer that made the NaN");
		assertTrue(trainer.waitFor(60, TimeUnit.SECONDS));
		assertEquals(ExitCode.DIVERGED, trainer.exitValue(), "resumed, the run ends as a diverged run does");
	}

	/** The trainer in its own JVM under a JDWP agent that waits for a debugger; its output drained. */
	private static Process startSuspended(List<String> args) throws Exception {
		return TrainerProcess.builder(List.of("-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:0"),
				args.toArray(String[]::new)).redirectErrorStream(true).start();
	}

	/**
	 * Attaches to a suspended trainer, sets a breakpoint at the start of a method once its class is
	 * loaded, gives each hit to {@code onHit} and resumes, until the trainer's JVM ends.
	 */
	private static void debug(Process trainer, String className, String method, BreakpointHandler onHit) throws Exception {
		BufferedReader output = new BufferedReader(new InputStreamReader(trainer.getInputStream(), StandardCharsets.UTF_8));
		int port = -1;
		while (port < 0) {
			String line = output.readLine();
			if (line == null) {
				break;
			}
			Matcher m = PORT.matcher(line);
			if (m.find()) {
				port = Integer.parseInt(m.group(1));
			}
		}
		assertTrue(port > 0, "no JDWP port announced");
		Thread drain = new Thread(() -> output.lines().forEach(l -> {
		}));
		drain.setDaemon(true);
		drain.start();

		VirtualMachine vm = attach(port);
		ClassPrepareRequest prepare = vm.eventRequestManager().createClassPrepareRequest();
		prepare.addClassFilter(className);
		prepare.enable();
		vm.resume();
		boolean finished = false;
		while (!finished) {
			EventSet events = vm.eventQueue().remove(60_000);
			assertNotNull(events, "timed out waiting for the debugger event");
			for (Event event : events) {
				if (event instanceof ClassPrepareEvent prepared) {
					setBreakpoint(vm, prepared.referenceType(), method);
				} else if (event instanceof BreakpointEvent breakpoint) {
					onHit.hit(breakpoint);
				} else if (event instanceof VMDeathEvent || event instanceof VMDisconnectEvent) {
					finished = true;
				}
			}
			if (!finished) {
				events.resume();
			}
		}
	}

	private interface BreakpointHandler {
		void hit(BreakpointEvent breakpoint) throws Exception;
	}

	private static VirtualMachine attach(int port) throws Exception {
		AttachingConnector connector = Bootstrap.virtualMachineManager().attachingConnectors().stream()
				.filter(c -> c.transport().name().equals("dt_socket")).findFirst().orElseThrow();
		Map<String, Connector.Argument> arguments = connector.defaultArguments();
		arguments.get("hostname").setValue("127.0.0.1");
		arguments.get("port").setValue(Integer.toString(port));
		return connector.attach(arguments);
	}

	private static void setBreakpoint(VirtualMachine vm, ReferenceType type, String method) throws Exception {
		Location location = type.methodsByName(method).get(0).allLineLocations().get(0);
		BreakpointRequest request = vm.eventRequestManager().createBreakpointRequest(location);
		request.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
		request.enable();
	}

	/** Suspended in a training step, with the layer's input at hand. */
	private static void inspect(BreakpointEvent event) throws Exception {
		List<StackFrame> frames = event.thread().frames();
		assertEquals(LAYER, frames.get(0).location().declaringType().name());
		assertTrue(frames.stream().anyMatch(f -> f.location().method().name().equals("trainStep")
				&& f.location().declaringType().name().equals("org.ganworkbench.trainer.train.Trainer")), "not in a step");
		var input = frames.get(0).getValue(frames.get(0).visibleVariableByName("input"));
		assertNotNull(input, "the input array");
		assertTrue(input.type().name().contains("NDArray"), input.type().name());
		summarise(event.thread(), frames.get(0).location().declaringType().classLoader(), (ObjectReference) input);
	}

	/** TensorSummary.of(input) evaluated in the trainer, against the array's own shape, type and reductions. */
	private static void summarise(ThreadReference thread, ClassLoaderReference loader, ObjectReference input)
			throws Exception {
		ClassType summaryType = load(thread, loader, SUMMARY);
		Method of = summaryType.methodsByName("of").get(0);
		long start = System.nanoTime();
		ObjectReference summary = (ObjectReference) summaryType.invokeMethod(thread, of, List.of(input),
				ClassType.INVOKE_SINGLE_THREADED);
		System.out.printf("TensorSummary.of of the layer's input, through JDI: %.1f ms: %s%n", (System.nanoTime() - start) / 1e6,
				((StringReference) invoke(thread, summary, "toString")).value());

		ArrayReference shape = (ArrayReference) invoke(thread, input, "shape");
		String expectedShape = shape.getValues().stream().map(v -> Long.toString(((LongValue) v).value()))
				.collect(Collectors.joining(", ", "[", "]"));
		assertEquals(expectedShape, string(summary, summaryType, "shape"));
		assertEquals(((StringReference) invoke(thread, invoke(thread, input, "dataType"), "toString")).value(),
				string(summary, summaryType, "dataType"));
		for (String[] pair : new String[][] { { "min", "minNumber" }, { "max", "maxNumber" }, { "mean", "meanNumber" } }) {
			double ours = ((DoubleValue) summary.getValue(summaryType.fieldByName(pair[0]))).value();
			double nd4j = ((DoubleValue) invoke(thread, invoke(thread, input, pair[1]), "doubleValue")).value();
			assertEquals(nd4j, ours, 1e-5 * Math.max(1, Math.abs(nd4j)), pair[0] + " against ND4J's " + pair[1]);
		}
		// ND4J's count of NaN: the array of 1s where the input is NaN, summed
		double nans = ((DoubleValue) invoke(thread, invoke(thread, invoke(thread, invoke(thread, input, "isNaN"), "castTo",
				enumConstant(thread, "org.nd4j.linalg.api.buffer.DataType", "DOUBLE", loader)), "sumNumber"), "doubleValue"))
				.value();
		assertEquals((long) nans, ((LongValue) summary.getValue(summaryType.fieldByName("nanCount"))).value(), "NaN count");
	}

	/** Class.forName(name, true, loader) in the trainer: loaded and initialised, as an evaluation would. */
	private static ClassType load(ThreadReference thread, ClassLoaderReference loader, String name) throws Exception {
		VirtualMachine vm = thread.virtualMachine();
		ClassType classClass = (ClassType) vm.classesByName("java.lang.Class").get(0);
		Method forName = classClass.concreteMethodByName("forName", "(Ljava/lang/String;ZLjava/lang/ClassLoader;)Ljava/lang/Class;");
		ClassObjectReference loaded = (ClassObjectReference) classClass.invokeMethod(thread, forName,
				List.of(vm.mirrorOf(name), vm.mirrorOf(true), loader), ClassType.INVOKE_SINGLE_THREADED);
		return (ClassType) loaded.reflectedType();
	}

	private static String string(ObjectReference object, ClassType type, String field) {
		return ((StringReference) object.getValue(type.fieldByName(field))).value();
	}

	/** Calls a method of an object (the first of that name whose argument count fits) in the suspended thread. */
	private static Value invoke(ThreadReference thread, Value target, String name, Value... arguments) throws Exception {
		ObjectReference object = (ObjectReference) target;
		Method method = object.referenceType().methodsByName(name).stream().filter(m -> {
			try {
				return m.argumentTypeNames().size() == arguments.length && !m.isAbstract();
			} catch (RuntimeException e) {
				return false;
			}
		}).findFirst().orElseThrow(() -> new AssertionError("no method " + name + " on " + object.referenceType().name()));
		return object.invokeMethod(thread, method, List.of(arguments), ObjectReference.INVOKE_SINGLE_THREADED);
	}

	private static Value enumConstant(ThreadReference thread, String enumName, String constant, ClassLoaderReference loader)
			throws Exception {
		ClassType type = load(thread, loader, enumName);
		return type.getValue(type.fieldByName(constant));
	}
}
