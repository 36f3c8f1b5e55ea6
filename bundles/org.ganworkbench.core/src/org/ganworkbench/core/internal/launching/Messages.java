package org.ganworkbench.core.internal.launching;

import org.eclipse.osgi.util.NLS;

final class Messages extends NLS {
	private static final String BUNDLE_NAME = Messages.class.getPackageName() + ".messages"; //$NON-NLS-1$

	public static String GanLaunchDelegate_noProject;
	public static String GanSweepLaunchDelegate_noSweep;
	public static String GanSweepLaunchDelegate_notInstalled;
	public static String GanLaunchDelegate_downloadingCuda;
	public static String GanLaunchDelegate_noModel;
	public static String GanLaunchDelegate_unreadableModel;
	public static String GanLaunchDelegate_invalidModel;
	public static String GanLaunchDelegate_oldJava;
	public static String GanLaunchDelegate_noDataset;
	public static String GanLaunchDelegate_noCheckpoint;
	public static String GanLaunchDelegate_runExists;
	public static String TrainerClasspath_bundleMissing;
	public static String TrainerClasspath_unreadable;
	public static String ReattachedTrainer_label;
	public static String OutlivedTrainers_job;
	public static String ReattachedTrainer_stillRunning;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
