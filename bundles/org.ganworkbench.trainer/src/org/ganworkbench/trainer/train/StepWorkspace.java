package org.ganworkbench.trainer.train;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The temporaries of one D step or one G step in an ND4J workspace that every step reuses. ND4J
 * 1.0.0-M2.1 frees an array only when the collector collects its Java object ({@code close()} does not
 * free), so without it every op's output was fresh native memory and the memory budget's collections
 * ran after every step. One phase at a time, not a whole step: the SN-GAN's step held 3.5 GB of
 * temporaries at once.
 * <p>
 * What outlives a phase is created outside it and only updated in place: parameters, gradients, the
 * optimiser's moments, batch-norm and spectral-norm state, the EMA generator. Custom layers run in it
 * too (5% of a DCGAN step with the example noise layer): an array a layer keeps from one step to the
 * next is not overwritten silently, ND4J refuses it ("outdated workspace pointer") and CustomModule
 * says what to do.
 */
final class StepWorkspace {

	/** {@code false} turns the workspace off (each op's output is then left to the collector). */
	static final String PROPERTY = "gan.trainer.stepWorkspace";
	private static final String ID = "gan-step-phase";
	// learns its size in the first phase, grows when a later phase needs more, then stays allocated
	private static final WorkspaceConfiguration CONFIG = WorkspaceConfiguration.builder().initialSize(0)
			.overallocationLimit(0.1).policyAllocation(AllocationPolicy.OVERALLOCATE)
			.policyLearning(LearningPolicy.FIRST_LOOP).policyReset(ResetPolicy.BLOCK_LEFT)
			.policySpill(SpillPolicy.REALLOCATE).build();

	private final boolean enabled;

	StepWorkspace(boolean enabled) {
		this.enabled = enabled;
	}

	static StepWorkspace fromSystemProperties() {
		return new StepWorkspace(!"false".equals(System.getProperty(PROPERTY)));
	}

	/** Opens a phase; closing it makes the phase's arrays invalid and their memory free for the next one. */
	MemoryWorkspace open() {
		return enabled ? Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, ID)
				: Nd4j.getWorkspaceManager().scopeOutOfWorkspaces();
	}
}
