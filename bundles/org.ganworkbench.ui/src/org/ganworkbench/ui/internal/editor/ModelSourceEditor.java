package org.ganworkbench.ui.internal.editor;

import java.util.List;
import java.util.function.Supplier;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.editors.text.TextEditor;
import org.eclipse.ui.texteditor.ITextEditorActionDefinitionIds;

/** The Source page: a text editor with the model's colouring, content assist and annotations. */
public final class ModelSourceEditor extends TextEditor {

	static final String CONTENT_ASSIST_ACTION = "ContentAssistProposal"; //$NON-NLS-1$

	private final LocalResourceManager resources = new LocalResourceManager(JFaceResources.getResources());
	private final ModelSourceViewerConfiguration configuration;

	/** @param snapshot the latest parse of the editor's document */
	public ModelSourceEditor(Supplier<ModelSnapshot> snapshot) {
		configuration = new ModelSourceViewerConfiguration(getPreferenceStore(), new SyntaxColors(resources), snapshot);
		setSourceViewerConfiguration(configuration);
	}

	@Override
	protected void createActions() {
		super.createActions();
		Action assist = new Action(Messages.ModelSourceEditor_contentAssist) {
			@Override
			public void run() {
				ISourceViewer viewer = getSourceViewer();
				if (viewer instanceof ITextOperationTarget target && target.canDoOperation(ISourceViewer.CONTENTASSIST_PROPOSALS)) {
					target.doOperation(ISourceViewer.CONTENTASSIST_PROPOSALS);
				}
			}
		};
		assist.setActionDefinitionId(ITextEditorActionDefinitionIds.CONTENT_ASSIST_PROPOSALS);
		setAction(CONTENT_ASSIST_ACTION, assist);
	}

	/** The viewer, once the page is created. */
	public ISourceViewer viewer() {
		return getSourceViewer();
	}

	/** What content assist proposes at an offset of the current text. */
	public List<ICompletionProposal> completions(int offset) {
		return configuration.completion().proposals(getSourceViewer().getDocument().get(), offset);
	}

	@Override
	public void dispose() {
		super.dispose();
		resources.dispose();
	}
}
