package org.ganworkbench.ui.internal.launching;

import org.eclipse.osgi.util.NLS;

final class Messages extends NLS {
	private static final String BUNDLE_NAME = Messages.class.getPackageName() + ".messages"; //$NON-NLS-1$

	public static String GanMainTab_stopOnNan;
	public static String GanMainTab_stopOnNanTip;
	public static String CheckGradients_title;
	public static String CheckGradients_noClass;
	public static String CheckGradients_job;
	public static String CheckGradients_result;
	public static String CheckGradients_notStarted;
	public static String CheckGradients_askInput;
	public static String CheckGradients_badInput;
	public static String CudaDownloadPrompter_title;
	public static String CudaDownloadPrompter_question;
	public static String GanMainTab_name;
	public static String GanMainTab_project;
	public static String GanMainTab_model;
	public static String GanMainTab_dataset;
	public static String GanMainTab_runDirectory;
	public static String GanMainTab_backend;
	public static String GanMainTab_gpu;
	public static String GanMainTab_checkpoint;
	public static String GanMainTab_steps;
	public static String GanMainTab_noProject;
	public static String GanMainTab_noModel;
	public static String GanMainTab_noDataset;
	public static String GanMainTab_noCheckpoint;
	public static String GanLaunchShortcut_title;
	public static String GanSweepTab_name;
	public static String GanSweepTab_master;
	public static String GanSweepTab_masterHint;
	public static String GanSweepTab_parallel;
	public static String GanSweepTab_directory;
	public static String GanSweepTab_directoryHint;
	public static String GanSweepTab_badMaster;
	public static String GanLaunchShortcut_noModel;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
