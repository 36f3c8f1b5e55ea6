package org.ganworkbench.ui.internal.views;

import org.eclipse.osgi.util.NLS;

final class Messages extends NLS {
	private static final String BUNDLE_NAME = Messages.class.getPackageName() + ".messages"; //$NON-NLS-1$

	public static String InterpolationJob_name;
	public static String InterpolationJob_caption;
	public static String InterpolationJob_failed;
	public static String InterpolationJob_noCheckpoint;
	public static String InterpolationJob_notStarted;
	public static String MetricsView_comparedSeries;
	public static String MetricsView_comparedWarning;
	public static String MetricsView_augP;
	public static String MetricsView_bestFd;
	public static String MetricsView_coverage;
	public static String MetricsView_fd;
	public static String MetricsView_fdLabel;
	public static String MetricsView_kid;
	public static String MetricsView_kidLabel;
	public static String MetricsView_noneDropped;
	public static String MetricsView_precision;
	public static String MetricsView_precisionRecall;
	public static String MetricsView_recall;
	public static String MetricsView_knnCoverage;
	public static String MetricsView_banner;
	public static String MetricsView_dFake;
	public static String MetricsView_dReal;
	public static String MetricsView_empty;
	public static String MetricsView_gp;
	public static String MetricsView_gradD;
	public static String MetricsView_gradG;
	public static String MetricsView_gradients;
	public static String MetricsView_imagesPerSec;
	public static String MetricsView_job;
	public static String MetricsView_lossD;
	public static String MetricsView_lossG;
	public static String MetricsView_losses;
	public static String MetricsView_outputs;
	public static String MetricsView_overfitting;
	public static String MetricsView_penalties;
	public static String MetricsView_r1;
	public static String MetricsView_r2;
	public static String MetricsView_rt;
	public static String MetricsView_smoothing;
	public static String MetricsView_throughput;
	public static String MetricsView_warning;
	public static String OpenRunDirectory_failed;
	public static String OpenRunDirectory_job;
	public static String OpenRunDirectory_message;
	public static String OpenRunDirectory_noMonitor;
	public static String OpenRunDirectory_notARun;
	public static String OpenRunDirectory_title;
	public static String RunLabels_comparing;
	public static String RunView_exportPng;
	public static String RunLabels_ended;
	public static String RunLabels_diverged;
	public static String RunLabels_failed;
	public static String RunLabels_finished;
	public static String RunLabels_noRun;
	public static String RunLabels_pinned;
	public static String RunLabels_run;
	public static String RunLabels_running;
	public static String RunLabels_stopped;
	public static String RunLabels_unreadable;
	public static String RunViewsModel_loadJob;
	public static String SampleCommandJob_grid;
	public static String SampleCommandJob_gridCaption;
	public static String SamplesView_comparedNoSamples;
	public static String SamplesView_comparedCaption;
	public static String SamplesView_caption;
	public static String SamplesView_interpolate;
	public static String SamplesView_interpolateTip;
	public static String SamplesView_interpolating;
	public static String SamplesView_loadJob;
	public static String SamplesView_noSamples;
	public static String SamplesView_save;
	public static String SamplesView_saveFailed;
	public static String SamplesView_saveFailedTitle;
	public static String SamplesView_seeds;
	public static String SamplesView_step;
	public static String SamplesView_stepLabel;
	public static String SamplesView_rendering;
	public static String SamplesView_truncationSliderTip;
	public static String SamplesView_truncation;
	public static String SamplesView_zoom;
	public static String SamplesView_zoomFit;
	public static String SingularValuesView_comparedSeriesLabel;
	public static String SingularValuesView_all;
	public static String SingularValuesView_chartTitle;
	public static String SingularValuesView_empty;
	public static String SingularValuesView_exploding;
	public static String SingularValuesView_explodingOnly;
	public static String SingularValuesView_growth;
	public static String SingularValuesView_job;
	public static String SingularValuesView_layers;
	public static String SingularValuesView_log;
	public static String SingularValuesView_none;
	public static String SingularValuesView_seriesLabel;
	public static String SingularValuesView_sigma1;
	public static String SingularValuesView_sigma2;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
