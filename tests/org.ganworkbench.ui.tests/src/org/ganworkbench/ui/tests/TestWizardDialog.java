package org.ganworkbench.ui.tests;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.wizard.IWizard;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;

/** A wizard dialog that does not block on open, with Next and Finish buttons a test can press. */
public final class TestWizardDialog extends WizardDialog {

	public TestWizardDialog(IWizard wizard) {
		super(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), wizard);
		setBlockOnOpen(false);
	}

	public void next() {
		nextPressed();
	}

	public void finish() {
		finishPressed();
	}

	/** Closes the dialog if Finish has not. */
	public void closeIfOpen() {
		if (getShell() != null && !getShell().isDisposed()) {
			close();
		}
	}

	/** The text fields in a page, in the order of the widget tree. */
	public static List<Text> texts(Control control) {
		List<Text> found = new ArrayList<>();
		if (control instanceof Text text) {
			found.add(text);
		} else if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				found.addAll(texts(child));
			}
		}
		return found;
	}
}
