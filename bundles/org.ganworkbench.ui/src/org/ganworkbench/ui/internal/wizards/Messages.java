package org.ganworkbench.ui.internal.wizards;

import org.eclipse.osgi.util.NLS;

final class Messages extends NLS {
	private static final String BUNDLE_NAME = Messages.class.getPackageName() + ".messages"; //$NON-NLS-1$

	public static String NewCustomLayerWizard_title;
	public static String NewCustomLayerWizard_failed;
	public static String NewCustomLayerWizard_pageTitle;
	public static String NewCustomLayerWizard_pageDescription;
	public static String NewCustomLayerWizard_project;
	public static String NewCustomLayerWizard_class;
	public static String NewCustomLayerWizard_model;
	public static String NewCustomLayerWizard_network;
	public static String NewCustomLayerWizard_after;
	public static String NewCustomLayerWizard_noModel;
	public static String NewCustomLayerWizard_noProject;
	public static String NewGanProjectWizard_title;
	public static String NewGanProjectWizard_projectTitle;
	public static String NewGanProjectWizard_projectDescription;
	public static String NewGanProjectWizard_failed;
	public static String GanModelPage_title;
	public static String GanModelPage_description;
	public static String NewGanModelWizard_title;
	public static String NewGanModelWizard_failed;
	public static String NewModelFilePage_title;
	public static String NewModelFilePage_description;
	public static String ModelSpecControls_model;
	public static String ModelSpecControls_template;
	public static String ModelSpecControls_size;
	public static String ModelSpecControls_sizeItem;
	public static String ModelSpecControls_channels;
	public static String ModelSpecControls_grey;
	public static String ModelSpecControls_rgb;
	public static String ModelSpecControls_dataset;
	public static String ModelSpecControls_synthetic;
	public static String ModelSpecControls_fashionMnist;
	public static String ModelSpecControls_imageFolder;
	public static String ModelSpecControls_folder;
	public static String ModelSpecControls_browse;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
