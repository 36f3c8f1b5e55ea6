package org.ganworkbench.ui.internal.editor;

import org.eclipse.osgi.util.NLS;

final class Messages extends NLS {
	private static final String BUNDLE_NAME = Messages.class.getPackageName() + ".messages"; //$NON-NLS-1$

	public static String GanModelEditor_source;
	public static String ArchitecturePage_title;
	public static String ArchitecturePage_errors;
	public static String ArchitecturePage_warnings;
	public static String ArchitectureDiagram_generator;
	public static String ArchitectureDiagram_discriminator;
	public static String ArchitectureDiagram_total;
	public static String ArchitectureDiagram_tooltip;
	public static String LayerMenu_delete;
	public static String LayerMenu_duplicate;
	public static String LayerMenu_zoomIn;
	public static String LayerMenu_zoomOut;
	public static String LayerMenu_zoomReset;
	public static String LayerMenu_exportPng;
	public static String LayerMenu_insertAfter;
	public static String LayerMenu_insertBefore;
	public static String LayerMenu_moveDown;
	public static String LayerMenu_moveUp;
	public static String LayerMenu_rename;
	public static String LayerMenu_renameMessage;
	public static String LayerMenu_renameTitle;
	public static String LayerPalette_residualDown;
	public static String LayerPalette_residualUp;
	public static String LayerPalette_selfAttention;
	public static String LayerPalette_tip;
	public static String LayerPropertiesTable_range;
	public static String LayerPropertiesTable_choices;
	public static String LayerPropertiesTable_property;
	public static String LayerPropertiesTable_value;
	public static String LayerPropertiesTable_name;
	public static String LayerPropertiesTable_type;
	public static String LayerPropertiesTable_inputs;
	public static String LayerPropertiesTable_inputShape;
	public static String LayerPropertiesTable_outputShape;
	public static String LayerPropertiesTable_params;
	public static String LayerPropertiesTable_trainable;
	public static String LayerPropertiesTable_spectralNorm;
	public static String TrainingPage_title;
	public static String TrainingPage_cannotWrite;
	public static String TrainingPage_noGanBlock;
	public static String TrainingPage_sweepDescription;
	public static String TrainingPage_noTrainingBlock;
	public static String SettingField_default;
	public static String SettingField_noDefault;
	public static String SettingField_range;
	public static String Setting_notInteger;
	public static String Setting_notNumber;
	public static String Setting_notChoice;
	public static String Setting_outOfRange;
	public static String Completion_key;
	public static String Completion_layerKey;
	public static String Completion_block;
	public static String Completion_layer;
	public static String Completion_input;
	public static String Completion_layerName;
	public static String ModelSourceEditor_contentAssist;
	public static String ArchitectureDiagram_more;
	public static String OutlineNode_more;
	public static String ParseJob_name;
	public static String SafeMode_binary;
	public static String SafeMode_large;
	public static String SafeMode_longLine;
	public static String SafePreview_lineCut;
	public static String SafePreview_more;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
