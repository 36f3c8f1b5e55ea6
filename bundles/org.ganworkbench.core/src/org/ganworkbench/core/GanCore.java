package org.ganworkbench.core;

/** Identifiers of the GAN Workbench core contributions (see plugin.xml). */
public final class GanCore {

	public static final String PLUGIN_ID = "org.ganworkbench.core";
	public static final String NATURE_ID = PLUGIN_ID + ".ganNature";
	public static final String BUILDER_ID = PLUGIN_ID + ".modelBuilder";
	public static final String PROBLEM_MARKER = PLUGIN_ID + ".modelProblem";
	public static final String MODEL_EXTENSION = "gan";

	private GanCore() {
	}
}
