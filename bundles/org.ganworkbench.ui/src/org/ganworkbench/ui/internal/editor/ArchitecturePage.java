package org.ganworkbench.ui.internal.editor;

import java.util.function.Consumer;

import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.ganworkbench.model.syntax.Problem;
import org.ganworkbench.model.syntax.Severity;
import org.ganworkbench.ui.internal.views.chart.ChartExport;

/**
 * The Architecture page: the diagram of G and D with the palette beside it, and the selected layer's
 * properties below. The diagram edits: a context menu and keys on the selected layer, the palette's
 * entries, and the properties' cells, all through {@link LayerEdits}.
 */
public final class ArchitecturePage extends FormPage {

	public static final String ID = "org.ganworkbench.ui.modelEditor.architecture"; //$NON-NLS-1$

	private final GanModelEditor editor;
	private final Consumer<ModelSnapshot> listener = this::update;
	private ArchitectureDiagram diagram;
	private LayerPropertiesTable properties;
	private LayerPalette palette;
	private LayerEdits edits;
	/** The layer an edit made or moved: selected when the edited document has been parsed. */
	private LayerEdits.Target pendingSelection;

	public ArchitecturePage(GanModelEditor editor) {
		super(editor, ID, Messages.ArchitecturePage_title);
		this.editor = editor;
	}

	@Override
	protected void createFormContent(IManagedForm managedForm) {
		ScrolledForm form = managedForm.getForm();
		form.setText(Messages.ArchitecturePage_title);
		managedForm.getToolkit().decorateFormHeading(form.getForm());
		Composite body = form.getBody();
		GridLayoutFactory.fillDefaults().applyTo(body);
		SashForm sash = new SashForm(body, SWT.VERTICAL);
		// A small preferred size: the form then gives the sash the page's height, so the properties show
		// below the diagram instead of below the diagram's whole height.
		GridDataFactory.fillDefaults().grab(true, true).hint(200, 200).applyTo(sash);
		SashForm top = new SashForm(sash, SWT.HORIZONTAL);
		DocumentModel model = editor.documentModel();
		edits = new LayerEdits(model, () -> diagram.selection(), target -> pendingSelection = target,
				problem -> getManagedForm().getForm().setMessage(problem, IMessageProvider.ERROR));
		palette = new LayerPalette(top, edits);
		diagram = new ArchitectureDiagram(top, this::selected, this::opened);
		top.setWeights(1, 4);
		properties = new LayerPropertiesTable(sash, edits);
		sash.setWeights(2, 1);
		managedForm.getToolkit().adapt(sash);
		// a factor, or 0 for the diagram's own size
		new LayerMenu(diagram.canvas(), edits, this::rename, this::exportDiagram,
				factor -> diagram.setZoom(factor == 0 ? 1 : diagram.zoom() * factor));
		model.addListener(listener);
		update(model.snapshot());
	}

	private void update(ModelSnapshot snapshot) {
		if (diagram == null || diagram.getControl().isDisposed()) {
			return;
		}
		diagram.setModel(snapshot);
		LayerEdits.Target wanted = pendingSelection;
		if (wanted != null && selectLayer(wanted.network(), wanted.name()) != null) {
			pendingSelection = null;
		}
		properties.show(diagram.selection());
		long errors = snapshot.problems().stream().filter(p -> p.severity() == Severity.ERROR).count();
		long warnings = snapshot.problems().size() - errors;
		String message = null;
		int type = IMessageProvider.NONE;
		if (errors > 0) {
			Problem first = snapshot.problems().stream().filter(p -> p.severity() == Severity.ERROR).findFirst().get();
			message = NLS.bind(Messages.ArchitecturePage_errors, errors, first);
			type = IMessageProvider.ERROR;
		} else if (warnings > 0) {
			message = NLS.bind(Messages.ArchitecturePage_warnings, warnings);
			type = IMessageProvider.WARNING;
		}
		String safeMode = editor.safeModeMessage();
		if (safeMode != null) { // first, so it is never missed
			message = message == null ? safeMode : safeMode + "  " + message; //$NON-NLS-1$
			type = Math.max(type, IMessageProvider.WARNING);
		}
		getManagedForm().getForm().setMessage(message, type);
	}

	private void selected(LayerBox box) {
		properties.show(box);
		if (box != null && !box.isInput()) {
			editor.revealInSource(box.sourceOffset(), box.layer().length(), false);
		}
	}

	private void opened(LayerBox box) {
		if (!box.isInput()) {
			editor.revealInSource(box.sourceOffset(), box.layer().length(), true);
		}
	}

	/** Selects the layer box of the given network whose name matches, as a click would. */
	public LayerBox selectLayer(String role, String name) {
		for (LayerBox box : diagram.boxes()) {
			if (box.role().keyword().equals(role) && box.name().equals(name)) {
				diagram.select(box);
				selected(box);
				return box;
			}
		}
		return null;
	}

	/** Asks for a new name of the selected layer (F2) and renames it and the references to it. */
	private void rename() {
		LayerBox box = diagram.selection();
		if (!edits.hasLayer()) {
			return;
		}
		InputDialog dialog = new InputDialog(getSite().getShell(), Messages.LayerMenu_renameTitle,
				Messages.LayerMenu_renameMessage, box.name(), null);
		if (dialog.open() == Window.OK) {
			edits.rename(dialog.getValue().strip());
		}
	}

	private void exportDiagram() {
		ChartExport.saveAs(getSite().getShell(), Messages.LayerMenu_exportPng, diagram::writePng);
	}

	/** For tests: the edits the page's menu, keys, palette and table make. */
	LayerEdits edits() {
		return edits;
	}

	/** For tests: the palette. */
	LayerPalette palette() {
		return palette;
	}

	/** For tests: the properties table. */
	LayerPropertiesTable properties() {
		return properties;
	}

	/** The diagram, once the page has been shown; null before. */
	public ArchitectureDiagram diagram() {
		return diagram;
	}

	@Override
	public void dispose() {
		if (editor.documentModel() != null) {
			editor.documentModel().removeListener(listener);
		}
		super.dispose();
	}
}
