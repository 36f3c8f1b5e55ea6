package org.ganworkbench.enginespike.debug;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.List;
import java.util.Map;

import com.sun.jdi.Bootstrap;
import com.sun.jdi.ClassType;
import com.sun.jdi.LocalVariable;
import com.sun.jdi.Location;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StackFrame;
import com.sun.jdi.StringReference;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.Value;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.LaunchingConnector;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.VMDeathEvent;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;

/**
 * Debuggability of a custom layer on libtorch, the way Eclipse's debugger reaches it (JDI): launches
 * {@link NoiseLayerTraining} under the debugger, breaks in ScaledNoise.forward, prints what the
 * Variables view holds there (the locals and each Tensor's own fields), then what a logical
 * structure would show (TensorText.of called in the suspended thread), resumes, and lets training
 * finish. Run by releng/engine-spike.sh --debug-demo.
 */
public final class BreakpointDemo {

	private static final String LAYER = "org.ganworkbench.enginespike.layers.ScaledNoise";

	private BreakpointDemo() {
	}

	public static void main(String[] args) throws Exception {
		LaunchingConnector launcher = Bootstrap.virtualMachineManager().defaultConnector();
		Map<String, Connector.Argument> arguments = launcher.defaultArguments();
		arguments.get("main").setValue(NoiseLayerTraining.class.getName());
		arguments.get("options").setValue("-cp " + System.getProperty("java.class.path"));
		VirtualMachine vm = launcher.launch(arguments);
		Thread output = echo(vm.process());
		Thread warnings = new Thread(() -> { // JavaCPP's warnings, read so that the debuggee never blocks
			try {
				vm.process().getErrorStream().transferTo(java.io.OutputStream.nullOutputStream());
			} catch (java.io.IOException ended) {
				// the debuggee ended
			}
		});
		warnings.setDaemon(true);
		warnings.start();
		ClassPrepareRequest prepare = vm.eventRequestManager().createClassPrepareRequest();
		prepare.addClassFilter(LAYER);
		prepare.enable();
		int hits = 0;
		boolean running = true;
		while (running) {
			EventSet events = vm.eventQueue().remove();
			for (Event event : events) {
				if (event instanceof ClassPrepareEvent prepared) {
					Location first = prepared.referenceType().methodsByName("forward").get(0).allLineLocations().get(0);
					BreakpointRequest breakpoint = vm.eventRequestManager().createBreakpointRequest(first);
					breakpoint.enable();
					System.out.println("breakpoint set at " + first.sourceName() + ":" + first.lineNumber());
				} else if (event instanceof BreakpointEvent hit && hits++ == 0) {
					show(hit.thread(), (ClassType) vm.classesByName(TensorText.class.getName()).get(0));
					event.request().disable(); // once is enough: training goes on
				} else if (event instanceof VMDeathEvent || event instanceof VMDisconnectEvent) {
					running = false;
				}
			}
			if (running) {
				events.resume();
			}
		}
		output.join();
	}

	private static void show(ThreadReference thread, ClassType text) throws Exception {
		StackFrame frame = thread.frame(0);
		System.out.printf("suspended in %s (thread %s), %d frames deep, training waits%n", frame.location(), thread.name(),
				thread.frameCount());
		// read every value first: a method invoked in the thread invalidates its frames
		Map<LocalVariable, Value> values = frame.getValues(frame.visibleVariables());
		for (Map.Entry<LocalVariable, Value> entry : values.entrySet()) {
			LocalVariable variable = entry.getKey();
			Value value = entry.getValue();
			System.out.printf("  %s: %s%n", variable.name(), value == null ? "null" : value.type().name());
			if (value instanceof ObjectReference object && value.type().name().equals("org.bytedeco.pytorch.Tensor")) {
				ReferenceType type = object.referenceType();
				StringBuilder fields = new StringBuilder();
				for (String name : List.of("address", "position", "limit", "capacity")) {
					fields.append(name).append('=').append(object.getValue(type.fieldByName(name))).append(' ');
				}
				System.out.printf("    Variables view, as it is: %s%n", fields.toString().trim());
				Value described = text.invokeMethod(thread, text.methodsByName("of").get(0), List.of(object),
						ObjectReference.INVOKE_SINGLE_THREADED);
				System.out.printf("    with a logical structure (TensorText.of over JDI): %s%n", ((StringReference) described).value());
			}
		}
	}

	/** Copies the debuggee's output here, prefixed, so both programs' lines read in order. */
	private static Thread echo(Process process) {
		Thread thread = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
				for (String line = in.readLine(); line != null; line = in.readLine()) {
					System.out.println("  [debuggee] " + line);
				}
			} catch (java.io.IOException e) {
				// the debuggee ended
			}
		});
		thread.start();
		return thread;
	}
}
