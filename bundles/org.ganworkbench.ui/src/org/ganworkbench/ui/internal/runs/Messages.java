package org.ganworkbench.ui.internal.runs;

import org.eclipse.osgi.util.NLS;

final class Messages extends NLS {
	private static final String BUNDLE_NAME = Messages.class.getPackageName() + ".messages"; //$NON-NLS-1$

	public static String RunColumn_name;
	public static String RunColumn_model;
	public static String RunColumn_state;
	public static String RunColumn_step;
	public static String RunColumn_bestFd;
	public static String RunColumn_fd;
	public static String RunColumn_kid;
	public static String RunColumn_precision;
	public static String RunColumn_recall;
	public static String RunColumn_imagesPerSecond;
	public static String RunColumn_backend;
	public static String RunColumn_host;
	public static String RunColumn_created;
	public static String RunColumn_duration;
	public static String RunColumn_warnings;
	public static String RunColumn_tags;
	public static String RunsView_reading;
	public static String RunsView_filter;
	public static String RunsView_allStates;
	public static String RunsView_refresh;
	public static String RunsView_addFolder;
	public static String RunsView_exportCsv;
	public static String RunsView_readFailed;
	public static String RunsView_description;
	public static String RunsView_sweep;
	public static String RunsView_sweepTrials;
	public static String RunsView_sweepBest;
	public static String RunsView_sweepNoBest;
	public static String RunActions_show;
	public static String RunActions_compare;
	public static String RunActions_openModel;
	public static String RunActions_resumeLatest;
	public static String RunActions_resumeBest;
	public static String RunActions_resumeTitle;
	public static String RunActions_resumeName;
	public static String RunActions_notInProject;
	public static String RunActions_noCheckpoint;
	public static String RunActions_noBestCheckpoint;
	public static String RunActions_labels;
	public static String RunActions_delete;
	public static String RunActions_deleteTitle;
	public static String RunActions_deleteToTrash;
	public static String RunActions_deleteForGood;
	public static String RunActions_deleteFailed;
	public static String RunActions_addFolderMessage;
	public static String LabelsDialog_title;
	public static String LabelsDialog_name;
	public static String LabelsDialog_tags;
	public static String LabelsDialog_note;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
