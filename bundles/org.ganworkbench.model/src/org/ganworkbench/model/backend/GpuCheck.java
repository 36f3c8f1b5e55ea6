package org.ganworkbench.model.backend;

/**
 * The command line's GPU check ({@code GpuCheck INDEX}), run by ./gan-workbench before a CUDA
 * command starts the trainer or downloads anything: exit 0 when GPU INDEX can run ND4J's CUDA build,
 * otherwise one line saying why and {@link #UNAVAILABLE}.
 */
public final class GpuCheck {

	/** The exit status when CUDA cannot run here (sysexits' EX_UNAVAILABLE; docs/gpu.md). */
	public static final int UNAVAILABLE = 69;

	private GpuCheck() {
	}

	public static void main(String[] args) {
		String problem;
		try {
			int index = args.length > 0 ? Integer.parseInt(args[0].strip()) : 0;
			problem = new GpuProbe(System.getenv("PATH")).problemWith(index);
		} catch (NumberFormatException e) {
			problem = "the GPU index '" + args[0] + "' is not a number (CUDA_VISIBLE_DEVICES)";
		}
		if (problem != null) {
			System.err.println("cuda: " + problem);
			System.exit(UNAVAILABLE);
		}
	}
}
