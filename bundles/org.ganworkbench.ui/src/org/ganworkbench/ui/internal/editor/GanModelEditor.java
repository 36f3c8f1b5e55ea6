package org.ganworkbench.ui.internal.editor;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.ide.IGotoMarker;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;

/**
 * The editor of {@code *.gan} files: Architecture, Training and Source pages on ONE document, the
 * source page's. Every page writes through that document and re-reads it from {@link DocumentModel},
 * so the pages stay in sync, the text editor's undo manager takes back any edit, and dirty state and
 * saving are the text editor's.
 */
public final class GanModelEditor extends FormEditor {

	public static final String ID = "org.ganworkbench.ui.modelEditor"; //$NON-NLS-1$

	private ModelSourceEditor sourceEditor;
	private int sourceIndex;
	private DocumentModel documentModel;
	private LiveProblemAnnotator annotator;
	private ArchitecturePage architecturePage;
	private TrainingPage trainingPage;
	private ModelOutlinePage outline;

	@Override
	public void init(IEditorSite site, IEditorInput input) throws PartInitException {
		super.init(site, input);
		setPartName(input.getName());
	}

	@Override
	protected void addPages() {
		try {
			// the source page first: its document must exist before the form pages read it
			sourceEditor = new ModelSourceEditor(() -> documentModel.snapshot());
			sourceIndex = addPage(sourceEditor, getEditorInput());
			setPageText(sourceIndex, Messages.GanModelEditor_source);
			IDocument document = sourceEditor.getDocumentProvider().getDocument(sourceEditor.getEditorInput());
			documentModel = new DocumentModel(document, getContainer().getDisplay());
			IAnnotationModel annotations = sourceEditor.getDocumentProvider().getAnnotationModel(sourceEditor.getEditorInput());
			if (annotations != null) {
				annotator = new LiveProblemAnnotator(annotations);
				documentModel.addListener(annotator);
				annotator.accept(documentModel.snapshot());
			}
			architecturePage = new ArchitecturePage(this);
			trainingPage = new TrainingPage(this);
			addPage(0, architecturePage);
			addPage(1, trainingPage);
			sourceIndex = 2;
		} catch (PartInitException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	protected void handlePropertyChange(int propertyId) {
		if (propertyId == IEditorPart.PROP_INPUT && sourceEditor != null) {
			setInputWithNotify(sourceEditor.getEditorInput());
			setPartName(getEditorInput().getName());
		}
		super.handlePropertyChange(propertyId);
	}

	@Override
	public void doSave(IProgressMonitor monitor) {
		sourceEditor.doSave(monitor);
	}

	@Override
	public void doSaveAs() {
		// not offered: the pages share the document of this file
	}

	@Override
	public boolean isSaveAsAllowed() {
		return false;
	}

	/** Selects a range in the source page; switches to that page when {@code activate}. */
	public void revealInSource(int offset, int length, boolean activate) {
		if (activate) {
			setActivePage(sourceIndex);
		}
		sourceEditor.selectAndReveal(offset, length);
	}

	public DocumentModel documentModel() {
		return documentModel;
	}

	public ModelSourceEditor sourceEditor() {
		return sourceEditor;
	}

	public ArchitecturePage architecturePage() {
		return architecturePage;
	}

	public TrainingPage trainingPage() {
		return trainingPage;
	}

	/** Shows a page: 0 Architecture, 1 Training, 2 Source. */
	public void showPage(int index) {
		setActivePage(index);
	}

	/** The live problem annotations in the source page, for tests. */
	public int liveProblemCount() {
		return annotator == null ? 0 : annotator.shown().size();
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		if (adapter == IContentOutlinePage.class) {
			if (outline == null || outline.getControl() == null || outline.getControl().isDisposed()) {
				outline = new ModelOutlinePage(this);
			}
			return adapter.cast(outline);
		}
		if (adapter == IGotoMarker.class) {
			return adapter.cast((IGotoMarker) this::gotoMarker);
		}
		T result = super.getAdapter(adapter);
		if (result == null && sourceEditor != null) {
			result = sourceEditor.getAdapter(adapter);
		}
		return result;
	}

	private void gotoMarker(IMarker marker) {
		setActivePage(sourceIndex);
		IGotoMarker target = sourceEditor.getAdapter(IGotoMarker.class);
		if (target != null) {
			target.gotoMarker(marker);
		}
	}

	@Override
	public void dispose() {
		if (annotator != null) {
			documentModel.removeListener(annotator);
			annotator.dispose();
		}
		if (documentModel != null) {
			documentModel.dispose();
		}
		super.dispose();
	}
}
