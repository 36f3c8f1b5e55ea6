package org.ganworkbench.core.internal.builder;

import java.io.IOException;
import java.io.InputStream;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.osgi.util.NLS;
import org.ganworkbench.core.GanCore;
import org.ganworkbench.model.ModelDocument;
import org.ganworkbench.model.syntax.Problem;
import org.ganworkbench.model.syntax.Severity;

/** Validates one model file and replaces its markers with the problems found. */
public final class ModelValidation {

	public void validate(IFile file) throws CoreException {
		file.deleteMarkers(GanCore.PROBLEM_MARKER, false, IResource.DEPTH_ZERO);
		byte[] bytes;
		try (InputStream in = file.getContents(true)) {
			bytes = in.readAllBytes();
		} catch (IOException e) {
			createMarker(file, IMarker.SEVERITY_ERROR, NLS.bind(Messages.ModelValidation_unreadable, e.getMessage()), 1, -1, -1);
			return;
		}
		// The format is UTF-8 whatever the file's charset: ModelDocument.read reports bytes that are not,
		// and files that look binary, at their line; at most ModelDocument.MAX_PROBLEMS markers and a summary.
		for (Problem problem : ModelDocument.read(bytes).problems()) {
			int start = problem.offset();
			createMarker(file, severity(problem.severity()), problem.message(), problem.line(), start,
					start + Math.max(problem.length(), 1));
		}
	}

	private static void createMarker(IFile file, int severity, String message, int line, int start, int end)
			throws CoreException {
		IMarker marker = file.createMarker(GanCore.PROBLEM_MARKER);
		marker.setAttribute(IMarker.SEVERITY, severity);
		marker.setAttribute(IMarker.MESSAGE, message);
		marker.setAttribute(IMarker.LINE_NUMBER, line);
		if (start >= 0) {
			marker.setAttribute(IMarker.CHAR_START, start);
			marker.setAttribute(IMarker.CHAR_END, end);
		}
	}

	private static int severity(Severity severity) {
		return switch (severity) {
		case ERROR -> IMarker.SEVERITY_ERROR;
		case WARNING -> IMarker.SEVERITY_WARNING;
		case INFO -> IMarker.SEVERITY_INFO;
		};
	}
}
