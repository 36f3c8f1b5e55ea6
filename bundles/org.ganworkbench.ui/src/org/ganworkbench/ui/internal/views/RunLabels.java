package org.ganworkbench.ui.internal.views;

import java.util.stream.Collectors;

import org.eclipse.osgi.util.NLS;
import org.ganworkbench.core.runs.RunSession;
import org.ganworkbench.core.runs.history.RunSnapshot;

/** Texts about the run shown that every run view uses. */
final class RunLabels {

	private RunLabels() {
	}

	/** For a view's content description: "run-3: running, step 1200", "Comparing 3 runs: ...", or a hint when there is no run. */
	static String describe(RunViewsModel model) {
		RunSession session = model.session();
		if (session == null) {
			return Messages.RunLabels_noRun;
		}
		if (model.isComparing()) {
			String names = model.sessions().stream().map(RunSession::name).collect(Collectors.joining(", ")); //$NON-NLS-1$
			String text = NLS.bind(Messages.RunLabels_comparing, model.sessions().size(), names);
			return model.isPinned() ? NLS.bind(Messages.RunLabels_pinned, text) : text;
		}
		RunSnapshot snapshot = model.snapshot();
		String text = NLS.bind(Messages.RunLabels_run, new Object[] { session.name(), state(session),
				snapshot.lastStep() });
		return model.isPinned() ? NLS.bind(Messages.RunLabels_pinned, text) : text;
	}

	private static String state(RunSession session) {
		return switch (session.state()) {
		case RUNNING -> Messages.RunLabels_running;
		case FINISHED -> Messages.RunLabels_finished;
		case INTERRUPTED -> Messages.RunLabels_stopped;
		case DIVERGED -> Messages.RunLabels_diverged;
		case FAILED -> Messages.RunLabels_failed;
		case ENDED_WITHOUT_STATUS -> session.isLive() ? Messages.RunLabels_running : Messages.RunLabels_ended;
		case UNREADABLE -> Messages.RunLabels_unreadable;
		};
	}
}
