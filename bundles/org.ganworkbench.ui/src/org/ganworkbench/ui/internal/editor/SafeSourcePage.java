package org.ganworkbench.ui.internal.editor;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

/**
 * The Source page of a file in {@link SafeMode}: the reason at the top, then a read-only preview of
 * the file's start. Never the whole text: see {@link SafeMode} for why.
 */
final class SafeSourcePage {

	private final Composite control;
	private final CLabel banner;

	SafeSourcePage(Composite parent, SafeMode mode) {
		control = new Composite(parent, SWT.NONE);
		control.setLayout(new GridLayout());
		banner = new CLabel(control, SWT.NONE);
		banner.setImage(parent.getDisplay().getSystemImage(SWT.ICON_WARNING));
		banner.setText(mode.message());
		banner.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		StyledText preview = new StyledText(control, SWT.READ_ONLY | SWT.MULTI | SWT.H_SCROLL | SWT.V_SCROLL | SWT.BORDER);
		preview.setFont(JFaceResources.getTextFont());
		preview.setText(mode.preview());
		preview.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
	}

	Control control() {
		return control;
	}

	/** The message as the page shows it. */
	String banner() {
		return banner.getText();
	}
}
