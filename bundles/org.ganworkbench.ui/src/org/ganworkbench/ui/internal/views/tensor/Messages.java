package org.ganworkbench.ui.internal.views.tensor;

import org.eclipse.osgi.util.NLS;

final class Messages extends NLS {
	private static final String BUNDLE_NAME = Messages.class.getPackageName() + ".messages"; //$NON-NLS-1$

	public static String TensorView_failed;
	public static String TensorView_hover;
	public static String TensorView_nothing;
	public static String TensorView_notSuspended;
	public static String TensorView_reading;
	public static String TensorView_sample;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
