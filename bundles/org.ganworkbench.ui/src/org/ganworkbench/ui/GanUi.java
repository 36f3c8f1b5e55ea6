package org.ganworkbench.ui;

/** Identifiers of the GAN Workbench UI contributions (see plugin.xml). */
public final class GanUi {

	public static final String PLUGIN_ID = "org.ganworkbench.ui";
	public static final String PERSPECTIVE_ID = PLUGIN_ID + ".perspective";

	private GanUi() {
	}
}
