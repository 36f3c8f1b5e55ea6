package org.ganworkbench.trainer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.jdi.Bootstrap;
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
 * breakpoint in the example custom layer suspends a training step with the live input array.
 */
class DebuggerTest {

	private static final String LAYER = "gan.layers.ScaledNoise";
	private static final Pattern PORT = Pattern.compile("Listening for transport dt_socket at address: (\\d+)");

	@TempDir
	Path dir;

	@Test
	void breakpointInCustomLayerSuspendsATrainingStep() throws Exception {
		Path model = dir.resolve("model.gan");
		Files.writeString(model, TrainingFixtures.tiny("dcgan", 1));
		Process trainer = TrainerProcess.builder(
				List.of("-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:0"), "train",
				model.toString(), "--run-dir", dir.resolve("run").toString(), "--steps", "3").redirectErrorStream(true)
				.start();
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
		prepare.addClassFilter(LAYER);
		prepare.enable();
		vm.resume();
		boolean hit = false;
		boolean finished = false;
		while (!finished) {
			EventSet events = vm.eventQueue().remove(60_000);
			assertNotNull(events, "timed out waiting for the debugger event");
			for (Event event : events) {
				if (event instanceof ClassPrepareEvent prepared) {
					setBreakpoint(vm, prepared.referenceType());
				} else if (event instanceof BreakpointEvent breakpoint && !hit) {
					hit = true;
					inspect(breakpoint);
					breakpoint.request().disable();
				} else if (event instanceof VMDeathEvent || event instanceof VMDisconnectEvent) {
					finished = true;
				}
			}
			if (!finished) {
				events.resume();
			}
		}
		assertTrue(hit, "the breakpoint was never hit");
		assertTrue(trainer.waitFor(60, TimeUnit.SECONDS));
		assertEquals(0, trainer.exitValue());
	}

	private static VirtualMachine attach(int port) throws Exception {
		AttachingConnector connector = Bootstrap.virtualMachineManager().attachingConnectors().stream()
				.filter(c -> c.transport().name().equals("dt_socket")).findFirst().orElseThrow();
		Map<String, Connector.Argument> arguments = connector.defaultArguments();
		arguments.get("hostname").setValue("127.0.0.1");
		arguments.get("port").setValue(Integer.toString(port));
		return connector.attach(arguments);
	}

	private static void setBreakpoint(VirtualMachine vm, ReferenceType type) throws Exception {
		Location location = type.methodsByName("forward").get(0).allLineLocations().get(0);
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
	}
}
