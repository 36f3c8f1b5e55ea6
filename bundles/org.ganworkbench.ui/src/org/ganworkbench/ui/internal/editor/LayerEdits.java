package org.ganworkbench.ui.internal.editor;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.ganworkbench.model.LayerType;
import org.ganworkbench.model.ModelEdits;
import org.ganworkbench.model.ModelWriter;

/**
 * What the Architecture page does to the layers of G and D: insert (a layer or a whole block), delete,
 * move, duplicate, rename, set a key. Each is a {@link ModelEdits} text edit applied as one document
 * replacement, so the source stays the one truth and each is one undo step; the diagram follows when
 * the edit is parsed, with the layer edited selected. An edit that leaves the model invalid is applied
 * as typed text would be: the diagram and the Problems view show what is wrong.
 */
final class LayerEdits {

	/** A layer of a network: where an edit lands and what is selected after it. */
	record Target(String network, String name) {
	}

	private final DocumentModel model;
	private final Supplier<LayerBox> selection;
	private final Consumer<Target> selectWhenParsed;
	private final Consumer<String> problem;

	/**
	 * @param selection the box selected in the diagram, or null
	 * @param selectWhenParsed selects a layer once the document with it has been parsed
	 * @param problem shows why an edit could not be made (a taken name, a missing layer)
	 */
	LayerEdits(DocumentModel model, Supplier<LayerBox> selection, Consumer<Target> selectWhenParsed,
			Consumer<String> problem) {
		this.model = model;
		this.selection = selection;
		this.selectWhenParsed = selectWhenParsed;
		this.problem = problem;
	}

	/** Whether a layer (not a network's input) is selected in an editable file. */
	boolean hasLayer() {
		LayerBox box = selection.get();
		return model.isEditable() && box != null && !box.isInput();
	}

	boolean isEditable() {
		return model.isEditable();
	}

	/**
	 * A new layer of the type before or after the layer selected: first in the network when its input
	 * is selected, last in G when nothing is.
	 */
	void insert(LayerType type, boolean after) {
		Target at = anchor();
		String name = ModelEdits.uniqueName(source(), at.network(), type.keyword() + "1"); //$NON-NLS-1$
		apply(() -> ModelEdits.insertLayer(source(), at.network(), at.name(), after(after), type, name),
				new Target(at.network(), name));
	}

	/** A residual block or a self-attention block, as BigGAN and SN-GAN use them, beside the layer selected. */
	void insertBlock(ModelEdits.BlockKind kind, boolean after) {
		Target at = anchor();
		apply(() -> ModelEdits.insertBlock(source(), at.network(), at.name(), after(after), kind), null);
	}

	void delete() {
		Target at = selectedLayer();
		if (at != null) {
			apply(() -> ModelEdits.deleteLayer(source(), at.network(), at.name()), null);
		}
	}

	/** @param direction -1 up, +1 down */
	void move(int direction) {
		Target at = selectedLayer();
		if (at != null) {
			apply(() -> ModelEdits.moveLayer(source(), at.network(), at.name(), direction), at);
		}
	}

	void duplicate() {
		Target at = selectedLayer();
		if (at != null) {
			String copy = ModelEdits.uniqueName(source(), at.network(), at.name());
			apply(() -> ModelEdits.duplicateLayer(source(), at.network(), at.name()), new Target(at.network(), copy));
		}
	}

	void rename(String newName) {
		Target at = selectedLayer();
		if (at != null) {
			apply(() -> ModelEdits.renameLayer(source(), at.network(), at.name(), newName),
					new Target(at.network(), newName));
		}
	}

	/** Sets a key of the selected layer to source text ({@code 64}, {@code same}, {@code [1, 2]}); null removes it. */
	void set(String key, String valueText) {
		Target at = selectedLayer();
		if (at != null) {
			apply(() -> ModelEdits.setLayerKey(source(), at.network(), at.name(), key, valueText), at);
		}
	}

	/** The source text of a key of a block outside the networks ("latent", "data"), or null if unset. */
	String blockValue(String block, String key) {
		return model.isEditable() ? ModelWriter.get(source(), block + "." + key) : null;
	}

	/** Sets a key of the latent or data block to source text, as the Training page's forms do. */
	void setBlockKey(String block, String key, String valueText) {
		if (!model.isEditable()) {
			return;
		}
		try {
			model.set(block + "." + key, valueText); //$NON-NLS-1$
		} catch (IllegalArgumentException e) {
			problem.accept(e.getMessage());
		}
	}

	private Target selectedLayer() {
		return hasLayer() ? new Target(selection.get().role().keyword(), selection.get().name()) : null;
	}

	/** The layer to insert beside: the one selected; none (the network's start) for an input box; the end of G without a selection. */
	private Target anchor() {
		LayerBox box = selection.get();
		if (box == null) {
			return new Target("generator", null); //$NON-NLS-1$
		}
		return new Target(box.role().keyword(), box.isInput() ? null : box.name());
	}

	/** Beside a network's input box, a new layer goes first whichever side was asked. */
	private boolean after(boolean after) {
		LayerBox box = selection.get();
		return box != null && box.isInput() ? false : after;
	}

	private String source() {
		return model.document().get();
	}

	private void apply(Supplier<ModelEdits.Edit> edit, Target select) {
		if (!model.isEditable()) {
			return;
		}
		try {
			ModelEdits.Edit made = edit.get();
			if (made != null && model.apply(made) && select != null) {
				selectWhenParsed.accept(select);
			}
		} catch (IllegalArgumentException e) {
			problem.accept(e.getMessage());
		}
	}
}
