package org.ganworkbench.core.runs.history;

import org.eclipse.osgi.util.NLS;

final class Messages extends NLS {
	private static final String BUNDLE_NAME = Messages.class.getPackageName() + ".messages"; //$NON-NLS-1$

	public static String RunHistory_failed;
	public static String RunHistory_notFinite;
	public static String RunHistory_sigmaNotFinite;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
