package org.ganworkbench.ui.internal.editor;

/**
 * Lets tests of other packages drive the model editor as a user would, through the editor's
 * package-private test hooks, so the editor itself keeps no public accessor for tests.
 */
public final class EditorDriver {

	private EditorDriver() {
	}

	/** Types a value into the Training page's field of {@code path} and presses Enter. */
	public static void typeSetting(GanModelEditor editor, String path, String value) {
		editor.trainingPage().type(path, value);
	}
}
