package org.ganworkbench.ui.internal.launching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;

/**
 * The workbench's Java logical structure for ND4J arrays is registered with JDT for every INDArray
 * (subtypes included) and evaluates what DebuggerTest evaluates in a suspended trainer.
 */
class TensorLogicalStructureTest {

	@Test
	void everyInDArrayShowsItsSummaryStatisticsShapeAndType() {
		List<IConfigurationElement> ours = Arrays
				.stream(Platform.getExtensionRegistry().getConfigurationElementsFor("org.eclipse.jdt.debug.javaLogicalStructures"))
				.filter(e -> e.getContributor().getName().equals("org.ganworkbench.ui")).toList();
		assertEquals(1, ours.size(), "one logical structure contributed");
		IConfigurationElement structure = ours.get(0);
		assertEquals("org.nd4j.linalg.api.ndarray.INDArray", structure.getAttribute("type"));
		assertEquals("true", structure.getAttribute("subtypes"), "NDArray and every other implementation");
		Map<String, String> variables = Arrays.stream(structure.getChildren("variable"))
				.collect(Collectors.toMap(v -> v.getAttribute("name"), v -> v.getAttribute("value")));
		assertEquals("org.ganworkbench.trainer.api.debug.TensorSummary.of(this).toString()", variables.get("summary"));
		assertEquals("org.ganworkbench.trainer.api.debug.TensorSummary.of(this)", variables.get("statistics"));
		assertTrue(variables.containsKey("shape") && variables.containsKey("dataType"), variables.toString());
	}
}
