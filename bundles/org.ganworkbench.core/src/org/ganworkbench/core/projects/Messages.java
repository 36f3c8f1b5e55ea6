package org.ganworkbench.core.projects;

import org.eclipse.osgi.util.NLS;

final class Messages extends NLS {
	private static final String BUNDLE_NAME = Messages.class.getPackageName() + ".messages"; //$NON-NLS-1$

	public static String CustomLayers_badName;
	public static String CustomLayers_exists;
	public static String CustomLayers_notAdded;
	public static String GanProjects_creating;
	public static String GanProjects_exists;
	public static String GanProjects_modelExists;
	public static String GanProjects_noDatasetPath;
	public static String GanProjects_notAFolder;
	public static String GanProjects_noIdxFile;
	public static String GanProjects_noImages;
	public static String GanProjects_noExampleLayer;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
