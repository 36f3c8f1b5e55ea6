package org.ganworkbench.ui.internal.editor;

import java.time.Duration;
import java.util.function.Consumer;

import org.eclipse.core.runtime.ListenerList;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.util.Throttler;
import org.eclipse.swt.widgets.Display;
import org.ganworkbench.model.ModelWriter;

/**
 * The model editor's one document and its latest parse. Every page reads the model from here and
 * writes through the document, so the pages stay in sync and the text editor's undo manager sees
 * every change. Re-parses at most every 300 ms while the user types; listeners run on the UI thread.
 */
public final class DocumentModel {

	private static final Duration REPARSE_DELAY = Duration.ofMillis(300);

	private final IDocument document;
	private final ListenerList<Consumer<ModelSnapshot>> listeners = new ListenerList<>();
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
	private ModelSnapshot snapshot;
	private boolean disposed;

	public DocumentModel(IDocument document, Display display) {
		this.document = document;
		this.snapshot = ModelSnapshot.of(document.get());
		this.reparse = new Throttler(display, REPARSE_DELAY, this::reparseNow);
		document.addDocumentListener(documentListener);
	}

	public IDocument document() {
		return document;
	}

	/** The latest parse; up to 300 ms older than the document while the user types. */
	public ModelSnapshot snapshot() {
		return snapshot;
	}

	public void addListener(Consumer<ModelSnapshot> listener) {
		listeners.add(listener);
	}

	public void removeListener(Consumer<ModelSnapshot> listener) {
		listeners.remove(listener);
	}

	/** Parses the document now if it changed since the last parse, and tells the listeners. */
	public void reparseNow() {
		if (disposed) {
			return;
		}
		String text = document.get();
		if (text.equals(snapshot.text())) {
			return;
		}
		snapshot = ModelSnapshot.of(text);
		for (Consumer<ModelSnapshot> listener : listeners) {
			listener.accept(snapshot);
		}
	}

	/**
	 * Sets one value through {@link ModelWriter#set} and applies only the characters that changed, as
	 * one document replacement: one undoable change, comments and layout untouched.
	 *
	 * @return whether the document changed
	 * @throws IllegalArgumentException when the writer cannot place the value (no gan block, an
	 *             unclosed block on the path)
	 */
	public boolean set(String path, String value) {
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

	public void dispose() {
		disposed = true;
		document.removeDocumentListener(documentListener);
		listeners.clear();
	}
}
