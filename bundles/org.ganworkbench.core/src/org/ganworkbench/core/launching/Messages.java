package org.ganworkbench.core.launching;

import org.eclipse.osgi.util.NLS;

final class Messages extends NLS {
	private static final String BUNDLE_NAME = Messages.class.getPackageName() + ".messages"; //$NON-NLS-1$

	public static String MavenRuntimeResolver_resolving;
	public static String MavenRuntimeResolver_noMaven;
	public static String MavenRuntimeResolver_offline;
	public static String MavenRuntimeResolver_failed;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
