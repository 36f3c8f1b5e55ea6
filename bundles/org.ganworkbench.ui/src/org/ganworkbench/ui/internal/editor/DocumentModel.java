package org.ganworkbench.ui.internal.editor;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.ListenerList;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.util.Throttler;
import org.eclipse.swt.widgets.Display;
import org.ganworkbench.model.ModelEdits;
import org.ganworkbench.model.ModelWriter;

/**
 * The model editor's one document and its latest parse. Every page reads the model from here and
 * writes through the document, so the pages stay in sync and the text editor's undo manager sees
 * every change. Parses run in a {@link ParseJob}, at most every 300 ms while the user types, never on
 * the UI thread; listeners are told on the UI thread. A file opened in safe mode (binary, or too large
 * for the source page) has no document: it is read once from its bytes and cannot be edited here.
 */
public final class DocumentModel {

	private static final Duration REPARSE_DELAY = Duration.ofMillis(300);

	/** Null when read-only. */
	private final IDocument document;
	private final ListenerList<Consumer<ModelSnapshot>> listeners = new ListenerList<>();
	private final ParseJob parser;
	private final Throttler reparse;
	private final IDocumentListener documentListener = new IDocumentListener() {
		@Override
		public void documentAboutToBeChanged(DocumentEvent event) {
			// only the new text matters
		}

		@Override
		public void documentChanged(DocumentEvent event) {
			reparse.throttledExec();
		}
	};
	private ModelSnapshot snapshot = ModelSnapshot.EMPTY;
	private String requested;
	private boolean parsed;
	private boolean disposed;

	private DocumentModel(IDocument document, Display display) {
		this.document = document;
		this.parser = new ParseJob(display, this::parsed);
		this.reparse = new Throttler(display, REPARSE_DELAY, this::reparse);
	}

	/** The source page's document, parsed now and again after each change. UI thread. */
	public static DocumentModel of(IDocument document, Display display) {
		DocumentModel model = new DocumentModel(document, display);
		document.addDocumentListener(model.documentListener);
		model.reparse();
		return model;
	}

	/** A file in safe mode: {@code bytes} (the file's content, read in the job) is parsed once. */
	static DocumentModel readOnly(Supplier<byte[]> bytes, Display display) {
		DocumentModel model = new DocumentModel(null, display);
		model.parser.request(() -> ModelSnapshot.read(bytes.get()));
		return model;
	}

	/** The source page's document; null when read-only. */
	public IDocument document() {
		return document;
	}

	/** False in safe mode: then there is no document to write to. */
	public boolean isEditable() {
		return document != null;
	}

	/** The latest parse: empty until the first has arrived, then up to 300 ms older than the document. */
	public ModelSnapshot snapshot() {
		return snapshot;
	}

	/** Whether the first parse has arrived. */
	public boolean hasParsed() {
		return parsed;
	}

	public void addListener(Consumer<ModelSnapshot> listener) {
		listeners.add(listener);
	}

	public void removeListener(Consumer<ModelSnapshot> listener) {
		listeners.remove(listener);
	}

	/** UI thread: parses the document in the background if it changed since the last request. */
	public void reparse() {
		if (disposed || document == null) {
			return;
		}
		String text = document.get();
		if (text.equals(requested)) {
			return;
		}
		requested = text;
		parser.request(() -> ModelSnapshot.of(text));
	}

	private void parsed(ModelSnapshot latest) {
		if (disposed) {
			return;
		}
		snapshot = latest;
		parsed = true;
		for (Consumer<ModelSnapshot> listener : listeners) {
			listener.accept(latest);
		}
	}

	/**
	 * Sets one value through {@link ModelWriter#set} and applies only the characters that changed, as
	 * one document replacement: one undoable change, comments and layout untouched.
	 *
	 * @return whether the document changed
	 * @throws IllegalArgumentException when the writer cannot place the value (no gan block, an
	 *             unclosed block on the path)
	 * @throws IllegalStateException when read-only
	 */
	public boolean set(String path, String value) {
		if (document == null) {
			throw new IllegalStateException("read-only"); //$NON-NLS-1$
		}
		String before = document.get();
		String after = ModelWriter.set(before, path, value);
		TextChange change = TextChange.between(before, after);
		if (change == null) {
			return false;
		}
		try {
			document.replace(change.offset(), change.length(), change.text());
		} catch (BadLocationException e) {
			throw new IllegalStateException(e);
		}
		return true;
	}

	/**
	 * Applies a structural edit of the model (a layer inserted, moved, renamed...) as one document
	 * replacement: one undoable change.
	 *
	 * @return whether the document changed
	 * @throws IllegalStateException when read-only
	 */
	public boolean apply(ModelEdits.Edit edit) {
		if (document == null) {
			throw new IllegalStateException("read-only"); //$NON-NLS-1$
		}
		if (edit.length() == 0 && edit.text().isEmpty()) {
			return false;
		}
		try {
			document.replace(edit.offset(), edit.length(), edit.text());
		} catch (BadLocationException e) {
			throw new IllegalStateException(e);
		}
		return true;
	}

	public void dispose() {
		disposed = true;
		parser.cancel();
		if (document != null) {
			document.removeDocumentListener(documentListener);
		}
		listeners.clear();
	}
}
