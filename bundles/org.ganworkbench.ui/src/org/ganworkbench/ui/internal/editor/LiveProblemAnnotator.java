package org.ganworkbench.ui.internal.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.IAnnotationModelExtension;
import org.eclipse.ui.texteditor.MarkerAnnotation;
import org.ganworkbench.model.syntax.Problem;
import org.ganworkbench.model.syntax.Severity;

/**
 * Shows the problems of each parse as error and warning annotations while the user types, before
 * the builder turns them into markers on save. A problem that a marker already shows at the same
 * place is not shown twice.
 */
final class LiveProblemAnnotator implements Consumer<ModelSnapshot> {

	static final String ERROR_TYPE = "org.eclipse.ui.workbench.texteditor.error"; //$NON-NLS-1$
	static final String WARNING_TYPE = "org.eclipse.ui.workbench.texteditor.warning"; //$NON-NLS-1$

	/** An annotation of ours, so we remove only what we added. */
	static final class LiveProblem extends Annotation {
		LiveProblem(Problem problem) {
			super(problem.severity() == Severity.ERROR ? ERROR_TYPE : WARNING_TYPE, false, problem.message());
		}
	}

	private final IAnnotationModel annotations;
	private List<Annotation> shown = new ArrayList<>();

	LiveProblemAnnotator(IAnnotationModel annotations) {
		this.annotations = annotations;
	}

	@Override
	public void accept(ModelSnapshot snapshot) {
		int length = snapshot.text().length();
		Map<Annotation, Position> added = new HashMap<>();
		for (Problem problem : snapshot.problems()) {
			int offset = Math.min(problem.offset(), length);
			int size = Math.max(0, Math.min(problem.length(), length - offset));
			if (!shownByMarker(problem.message(), offset)) {
				added.put(new LiveProblem(problem), new Position(offset, size));
			}
		}
		Annotation[] removed = shown.toArray(Annotation[]::new);
		if (annotations instanceof IAnnotationModelExtension extension) {
			extension.replaceAnnotations(removed, added);
		} else {
			for (Annotation annotation : removed) {
				annotations.removeAnnotation(annotation);
			}
			added.forEach(annotations::addAnnotation);
		}
		shown = new ArrayList<>(added.keySet());
	}

	private boolean shownByMarker(String message, int offset) {
		Iterator<Annotation> all = annotations.getAnnotationIterator();
		while (all.hasNext()) {
			if (all.next() instanceof MarkerAnnotation marker && !marker.isMarkedDeleted()) {
				IMarker m = marker.getMarker();
				Position position = annotations.getPosition(marker);
				if (m.exists() && message.equals(m.getAttribute(IMarker.MESSAGE, null)) && position != null
						&& position.getOffset() == offset) {
					return true;
				}
			}
		}
		return false;
	}

	/** The live annotations shown now, for tests. */
	List<Annotation> shown() {
		return List.copyOf(shown);
	}

	void dispose() {
		if (annotations instanceof IAnnotationModelExtension extension) {
			extension.replaceAnnotations(shown.toArray(Annotation[]::new), Map.of());
		}
		shown = List.of();
	}
}
