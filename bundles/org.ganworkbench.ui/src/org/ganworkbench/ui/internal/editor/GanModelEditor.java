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

	/** Null in safe mode. */
	private ModelSourceEditor sourceEditor;
	/** Null unless in safe mode. */
	private SafeMode safeMode;
	private SafeSourcePage safeSourcePage;
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
			// the source page first: the form pages read the document model it makes
			safeMode = SafeMode.of(getEditorInput());
			if (safeMode == null) {
				addSourceEditor();
			} else {
				addSafeSourcePage();
			}
			architecturePage = new ArchitecturePage(this);
			trainingPage = new TrainingPage(this);
			addPage(0, architecturePage);
			addPage(1, trainingPage);
			sourceIndex = 2;
			if (safeMode != null) {
				// Opens on the page that says why the file is read-only; the Architecture page's widgets
				// are then made when it is first shown, not in the one UI-thread task of opening.
				setActivePage(sourceIndex);
			}
		} catch (PartInitException e) {
			throw new IllegalStateException(e);
		}
	}

	private void addSourceEditor() throws PartInitException {
		sourceEditor = new ModelSourceEditor(() -> documentModel.snapshot());
		sourceIndex = addPage(sourceEditor, getEditorInput());
		setPageText(sourceIndex, Messages.GanModelEditor_source);
		IDocument document = sourceEditor.getDocumentProvider().getDocument(sourceEditor.getEditorInput());
		documentModel = DocumentModel.of(document, getContainer().getDisplay());
		IAnnotationModel annotations = sourceEditor.getDocumentProvider().getAnnotationModel(sourceEditor.getEditorInput());
		if (annotations != null) {
			annotator = new LiveProblemAnnotator(annotations);
			documentModel.addListener(annotator);
		}
	}

	/** A binary or very large file: read-only, its model read in a job, no text editor (see SafeMode). */
	private void addSafeSourcePage() {
		safeSourcePage = new SafeSourcePage(getContainer(), safeMode);
		sourceIndex = addPage(safeSourcePage.control());
		setPageText(sourceIndex, Messages.GanModelEditor_source);
		documentModel = DocumentModel.readOnly(safeMode::contents, getContainer().getDisplay());
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
		if (sourceEditor != null) {
			sourceEditor.doSave(monitor);
		}
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
		if (sourceEditor != null) {
			sourceEditor.selectAndReveal(offset, length);
		}
	}

	public DocumentModel documentModel() {
		return documentModel;
	}

	/** Null in safe mode. */
	public ModelSourceEditor sourceEditor() {
		return sourceEditor;
	}

	/** Why the file is open read-only without its text (binary, large, long lines); null normally. */
	public String safeModeMessage() {
		return safeMode == null ? null : safeMode.message();
	}

	/** The message the Source page shows in safe mode, read from the widget; null normally. */
	public String safeSourceBanner() {
		return safeSourcePage == null ? null : safeSourcePage.banner();
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
	int liveProblemCount() {
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
		IGotoMarker target = sourceEditor == null ? null : sourceEditor.getAdapter(IGotoMarker.class);
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
