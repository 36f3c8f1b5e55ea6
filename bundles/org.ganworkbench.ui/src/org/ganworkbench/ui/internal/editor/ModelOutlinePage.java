package org.ganworkbench.ui.internal.editor;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;

/** The Outline of a model: its blocks and layers; selecting one reveals it in the source. */
final class ModelOutlinePage extends ContentOutlinePage {

	private final GanModelEditor editor;
	private final Consumer<ModelSnapshot> listener = this::update;

	ModelOutlinePage(GanModelEditor editor) {
		this.editor = editor;
	}

	@Override
	public void createControl(Composite parent) {
		super.createControl(parent);
		TreeViewer viewer = getTreeViewer();
		viewer.setContentProvider(new ITreeContentProvider() {
			@Override
			public Object[] getElements(Object input) {
				return ((List<?>) input).toArray();
			}

			@Override
			public Object[] getChildren(Object parentElement) {
				return ((OutlineNode) parentElement).children().toArray();
			}

			@Override
			public Object getParent(Object element) {
				return null;
			}

			@Override
			public boolean hasChildren(Object element) {
				return !((OutlineNode) element).children().isEmpty();
			}
		});
		viewer.setLabelProvider(new LabelProvider());
		viewer.setAutoExpandLevel(3);
		DocumentModel model = editor.documentModel();
		viewer.setInput(OutlineNode.of(model.snapshot()));
		model.addListener(listener);
	}

	private void update(ModelSnapshot snapshot) {
		TreeViewer viewer = getTreeViewer();
		if (viewer == null || viewer.getControl().isDisposed()) {
			return;
		}
		Object[] expanded = viewer.getExpandedElements();
		viewer.getControl().setRedraw(false);
		try {
			viewer.setInput(OutlineNode.of(snapshot));
			viewer.setExpandedElements(expanded);
		} finally {
			viewer.getControl().setRedraw(true);
		}
	}

	@Override
	public void selectionChanged(SelectionChangedEvent event) {
		super.selectionChanged(event);
		if (event.getStructuredSelection().getFirstElement() instanceof OutlineNode node) {
			editor.revealInSource(node.block().offset(), node.block().header().length(), false);
		}
	}

	@Override
	public void dispose() {
		if (editor.documentModel() != null) {
			editor.documentModel().removeListener(listener);
		}
		super.dispose();
	}
}
