package org.ganworkbench.core.launching;

import org.ganworkbench.model.run.TrainerProcess;

/**
 * Attributes of a "GAN Training" launch configuration. The project, JRE, VM arguments and
 * environment use JDT's and Debug's own attributes.
 */
public final class GanLaunchConstants {

	public static final String LAUNCH_TYPE_ID = "org.ganworkbench.core.ganTraining";
	public static final String TRAINER_MAIN = TrainerProcess.MAIN_CLASS;

	private static final String PREFIX = "org.ganworkbench.core.";
	/** Project-relative path of the model file. */
	public static final String ATTR_MODEL = PREFIX + "model";
	/** Optional dataset path overriding the model's own. */
	public static final String ATTR_DATASET = PREFIX + "dataset";
	/** Optional run directory; empty means a new one under the project's runs/ folder. */
	public static final String ATTR_RUN_DIR = PREFIX + "runDirectory";
	/** "cpu" or "cuda". */
	public static final String ATTR_BACKEND = PREFIX + "backend";
	public static final String ATTR_GPU_INDEX = PREFIX + "gpuIndex";
	/** Optional checkpoint file to resume from; the run continues in that checkpoint's run directory. */
	public static final String ATTR_RESUME_CHECKPOINT = PREFIX + "resumeCheckpoint";
	/** Training steps; 0 means the model's own. */
	public static final String ATTR_STEPS = PREFIX + "steps";
	/**
	 * Debug As only: the trainer checks every module's output and gradient and the launch stops in
	 * NonFiniteHook.firstNonFinite at the first NaN or infinity (a boolean, default false).
	 */
	public static final String ATTR_STOP_ON_NAN = PREFIX + "stopOnNan";

	/** Set on the {@code ILaunch}: the absolute path of the run directory this launch writes. */
	public static final String LAUNCH_RUN_DIRECTORY = PREFIX + "launch.runDirectory";

	/**
	 * The code of the status a CUDA launch asks Debug's status handlers about before downloading
	 * ND4J's CUDA build; the handler gets the {@code CudaRuntime.Plan} and answers a Boolean.
	 */
	public static final int STATUS_CONFIRM_CUDA_DOWNLOAD = 101;

	/** The "GAN Sweep" launch type: the model's sweep block, trial by trial, as Spark tasks (docs/sweeps.md). */
	public static final String SWEEP_LAUNCH_TYPE_ID = "org.ganworkbench.core.ganSweep";
	public static final String SWEEP_MAIN = "org.ganworkbench.sweep.SweepMain";
	/** The sweep bundle, in the optional feature org.ganworkbench.sweep.feature: Spark's jars in its lib/. */
	public static final String SWEEP_BUNDLE = "org.ganworkbench.sweep";
	/** Spark master URL; empty: the embedded local master. */
	public static final String ATTR_SWEEP_MASTER = PREFIX + "sweep.master";
	/** Trials at once; 0: the sweep block's {@code parallel}. */
	public static final String ATTR_SWEEP_PARALLEL = PREFIX + "sweep.parallel";
	/** The sweep directory; empty: runs/MODEL-sweep in the project. */
	public static final String ATTR_SWEEP_DIR = PREFIX + "sweep.directory";

	public static final String BACKEND_CPU = "cpu";
	public static final String BACKEND_CUDA = "cuda";
	public static final String RUNS_FOLDER = "runs";

	private GanLaunchConstants() {
	}
}
