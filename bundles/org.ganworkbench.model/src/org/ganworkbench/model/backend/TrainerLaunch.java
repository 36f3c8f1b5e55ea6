package org.ganworkbench.model.backend;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the trainer JVM starts for a backend: its classpath, JVM options and environment. The IDE's
 * launch and ./gan-workbench both assemble it here, so a run starts the same way from either.
 */
public record TrainerLaunch(List<String> classpath, List<String> vmArguments, Map<String, String> environment) {

	public static final String CPU = "cpu";
	public static final String CUDA = "cuda";
	/** The status a launcher exits with when the backend cannot run (sysexits' EX_UNAVAILABLE). */
	public static final int UNAVAILABLE = 69;

	private static final String ONEDNN_AVX2 = "-onednn-avx2";
	public static final String TRAINER_BUNDLE = "org.ganworkbench.trainer";
	public static final String MODEL_BUNDLE = "org.ganworkbench.model";
	public static final String RUNTIME_BUNDLE = "org.ganworkbench.runtime";

	/**
	 * On the CPU, of ND4J's two native builds the one that suits the CPU: oneDNN's AVX2 build is about
	 * twice as fast for convolutions, and needs AVX2 and the JavaCPP option that selects it.
	 *
	 * @param entries the trainer's, the model's and the runtime bundle's jars (all native builds)
	 */
	public static TrainerLaunch cpu(List<String> entries, boolean avx2) {
		List<String> classpath = entries.stream()
				.filter(e -> !isNd4jNativeBuild(e) || e.endsWith(ONEDNN_AVX2 + ".jar") == avx2).toList();
		List<String> options = avx2 ? List.of("-Dorg.bytedeco.javacpp.platform.extension=" + ONEDNN_AVX2) : List.of();
		return new TrainerLaunch(classpath, options, Map.of());
	}

	/**
	 * On CUDA, ND4J's CPU jars make way for the CUDA ones, no CPU option is passed, and the trainer
	 * sees only GPU {@code gpu}, as its device 0.
	 */
	public static TrainerLaunch cuda(List<String> entries, List<String> cudaJars, int gpu) {
		List<String> classpath = new ArrayList<>(entries.stream().filter(e -> !isNd4jNative(e)).toList());
		classpath.addAll(cudaJars);
		return new TrainerLaunch(List.copyOf(classpath), List.of(), Map.of("CUDA_VISIBLE_DEVICES", Integer.toString(gpu)));
	}

	/** Jars of native code (for linux-x86_64): needed to run, not to compile. */
	public static boolean isNativeBuild(String path) {
		return path.matches(".*-linux-x86_64(-onednn-avx2)?\\.jar");
	}

	private static boolean isNd4jNativeBuild(String path) {
		return path.matches(".*nd4j-native-[0-9][^/]*-linux-x86_64(-onednn-avx2)?\\.jar");
	}

	private static boolean isNd4jNative(String path) {
		return path.matches(".*/nd4j-native[^/]*\\.jar");
	}

	/**
	 * The trainer's, the model's and the runtime's jars in an installed IDE's plugins folder, in the
	 * order the IDE's launch takes them: the trainer and model bundles themselves, then the runtime's jars.
	 */
	public static List<String> installedEntries(Path plugins) throws IOException {
		List<String> entries = new ArrayList<>();
		entries.add(find(plugins, TRAINER_BUNDLE).toAbsolutePath().toString());
		entries.add(find(plugins, MODEL_BUNDLE).toAbsolutePath().toString());
		entries.addAll(runtimeJars(find(plugins, RUNTIME_BUNDLE)));
		return entries;
	}

	/**
	 * The runtime bundle carries jars, not classes: its part of the classpath is every jar the build
	 * copied from its Maven dependencies into lib/, in name order. No list of them is kept by hand.
	 */
	public static List<String> runtimeJars(Path runtimeBundle) throws IOException {
		Path lib = runtimeBundle.resolve("lib");
		if (!Files.isDirectory(lib)) {
			throw new IOException("no lib/ folder in " + runtimeBundle);
		}
		List<String> jars = new ArrayList<>();
		try (DirectoryStream<Path> found = Files.newDirectoryStream(lib, "*.jar")) {
			for (Path jar : found) {
				jars.add(jar.toAbsolutePath().normalize().toString());
			}
		}
		if (jars.isEmpty()) {
			throw new IOException("no jars in " + lib);
		}
		jars.sort(null);
		return jars;
	}

	private static Path find(Path plugins, String bundle) throws IOException {
		try (DirectoryStream<Path> found = Files.newDirectoryStream(plugins, bundle + "_*")) {
			for (Path path : found) {
				return path;
			}
		}
		throw new IOException("no " + bundle + " in " + plugins);
	}

	/**
	 * ./gan-workbench's way in: {@code TrainerLaunch PLUGINS cpu} or
	 * {@code TrainerLaunch PLUGINS cuda GPU [--fetch-cuda]} prints one line per classpath entry
	 * ({@code classpath PATH}), JVM option ({@code option ARG}) and variable ({@code env NAME=VALUE}).
	 * A CUDA runtime not yet downloaded is fetched only with --fetch-cuda; otherwise, and on any
	 * failure, one line on standard error and {@link #UNAVAILABLE}.
	 */
	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err, cacheDirectory()));
	}

	static int run(String[] args, PrintStream out, PrintStream err, Path cache) {
		try {
			List<String> entries = installedEntries(Path.of(args[0]));
			TrainerLaunch launch;
			if (CUDA.equals(args[1])) {
				int gpu = args.length > 2 ? Integer.parseInt(args[2]) : 0;
				boolean fetch = List.of(args).contains("--fetch-cuda");
				launch = cuda(entries, cudaJars(new MavenResolver(System.getenv("PATH"), cache), fetch, err), gpu);
			} else {
				launch = cpu(entries, CpuFeatures.hasAvx2());
			}
			launch.classpath.forEach(e -> out.println("classpath " + e));
			launch.vmArguments.forEach(a -> out.println("option " + a));
			launch.environment.forEach((k, v) -> out.println("env " + k + "=" + v));
			return 0;
		} catch (IOException | MavenResolver.ResolutionException | RuntimeException e) {
			err.println("cuda: " + e.getMessage());
			return UNAVAILABLE;
		}
	}

	private static List<String> cudaJars(MavenResolver resolver, boolean fetch, PrintStream err)
			throws MavenResolver.ResolutionException {
		CudaRuntime.Plan plan = CudaRuntime.plan();
		List<String> known = resolver.remembered(plan.coordinates());
		if (!known.isEmpty()) {
			return known;
		}
		if (!fetch) {
			throw new MavenResolver.ResolutionException(plan.description() + " is not downloaded yet: add --fetch-cuda"
					+ " to fetch it once, with your mvn, into your local Maven repository");
		}
		err.println("cuda: downloading " + plan.description() + " (first use only)");
		return resolver.classpath(plan.coordinates(), new MavenResolver.Progress() {
			@Override
			public void line(String text) {
				err.println("  " + text);
			}

			@Override
			public boolean canceled() {
				return false;
			}
		});
	}

	/** $XDG_CACHE_HOME/gan-workbench/runtimes, or ~/.cache/gan-workbench/runtimes. */
	private static Path cacheDirectory() {
		String xdg = System.getenv("XDG_CACHE_HOME");
		Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
		return base.resolve("gan-workbench").resolve("runtimes");
	}
}
