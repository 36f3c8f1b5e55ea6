package org.ganworkbench.ui.internal.editor;

import java.util.function.Consumer;

import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.ganworkbench.model.syntax.Problem;
import org.ganworkbench.model.syntax.Severity;

/** The Architecture page: the diagram of G and D, and the selected layer's properties below it. */
public final class ArchitecturePage extends FormPage {

	public static final String ID = "org.ganworkbench.ui.modelEditor.architecture"; //$NON-NLS-1$

	private final GanModelEditor editor;
	private final Consumer<ModelSnapshot> listener = this::update;
	private ArchitectureDiagram diagram;
	private LayerPropertiesTable properties;

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
		body.setLayout(new FillLayout());
		SashForm sash = new SashForm(body, SWT.VERTICAL);
		diagram = new ArchitectureDiagram(sash, this::selected, this::opened);
		properties = new LayerPropertiesTable(sash);
		sash.setWeights(3, 1);
		managedForm.getToolkit().adapt(sash);
		DocumentModel model = editor.documentModel();
		model.addListener(listener);
		update(model.snapshot());
	}

	private void update(ModelSnapshot snapshot) {
		if (diagram == null || diagram.getControl().isDisposed()) {
			return;
		}
		diagram.setModel(snapshot);
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
