package org.ganworkbench.ui.internal.runs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.IElementComparer;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.ui.part.ViewPart;
import org.ganworkbench.core.GanCore;
import org.ganworkbench.core.projects.GanProjects;
import org.ganworkbench.core.runs.RunCatalog;
import org.ganworkbench.core.runs.RunListener;
import org.ganworkbench.core.runs.RunMonitor;
import org.ganworkbench.core.runs.RunSession;
import org.ganworkbench.model.run.Csv;
import org.ganworkbench.model.run.RunEvent;
import org.ganworkbench.model.run.RunState;
import org.ganworkbench.model.run.RunSummary;
import org.ganworkbench.model.run.SweepSummary;

/**
 * GAN Runs: every run of the workspace's GAN projects and of the folders the user added, one row
 * each, sortable and filterable, with the trials of a sweep grouped under its folder. Summaries are
 * read in a job through the core's {@link RunCatalog} (an ended run's log is read once, then
 * cached); running runs update as the run monitor reads their events.
 */
public final class RunsView extends ViewPart {

	public static final String ID = "org.ganworkbench.ui.views.runs"; //$NON-NLS-1$
	/** New events of a live run reach the table at most this often. */
	private static final long LIVE_DELAY_MS = 1000;

	private final RunCatalog catalog = RunCatalog.open(GanProjects::runFolders);
	private final Job reader = Job.create(Messages.RunsView_reading, this::read);
	private final RunListener liveRuns = new RunListener() {
		@Override
		public void eventsAdded(RunSession session, List<RunEvent> events) {
			readSoon();
		}

		@Override
		public void sessionEnded(RunSession session) {
			readSoon();
		}
	};
	private final RunMonitor.SessionListener newRuns = session -> {
		session.addListener(liveRuns);
		readSoon();
	};
	private TreeViewer viewer;
	private Text filterText;
	private Combo stateChoice;
	private RunColumn sortColumn = RunColumn.CREATED;
	private boolean descending = true;
	private volatile boolean readAgain;
	private RunActions actions;

	@Override
	public void createPartControl(Composite parent) {
		GridLayoutFactory.fillDefaults().numColumns(2).margins(2, 2).applyTo(parent);
		filterText = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
		filterText.setMessage(Messages.RunsView_filter);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(filterText);
		stateChoice = new Combo(parent, SWT.READ_ONLY);
		stateChoice.add(Messages.RunsView_allStates);
		Arrays.stream(RunState.values()).forEach(state -> stateChoice.add(state.word()));
		stateChoice.select(0);

		viewer = new TreeViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.VIRTUAL);
		viewer.setUseHashlookup(true);
		// A run is its folder: comparing 23 fields of a record on each of 1,000 rows cost the UI thread
		// most of the 50-70 ms a refresh took (releng/bench-runs-view.sh).
		viewer.setComparer(new IElementComparer() {
			@Override
			public boolean equals(Object a, Object b) {
				return key(a).equals(key(b));
			}

			@Override
			public int hashCode(Object element) {
				return key(element).hashCode();
			}

			private Object key(Object element) {
				return element instanceof RunSummary run ? run.directory()
						: element instanceof RunGroup group ? group.folder() : element;
			}
		});
		viewer.getTree().setHeaderVisible(true);
		viewer.getTree().setLinesVisible(true);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, true).applyTo(viewer.getTree());
		for (RunColumn column : RunColumn.values()) {
			TreeViewerColumn viewerColumn = new TreeViewerColumn(viewer, column.alignment);
			TreeColumn treeColumn = viewerColumn.getColumn();
			treeColumn.setText(column.header);
			treeColumn.setWidth(column.width);
			treeColumn.setMoveable(true);
			treeColumn.setData(column);
			treeColumn.addListener(SWT.Selection, e -> sortBy(column, treeColumn));
			viewerColumn.setLabelProvider(new RunCell(column, this::sweepOf));
		}
		ColumnViewerToolTipSupport.enableFor(viewer);
		openSweepsWhenShown();
		viewer.setContentProvider(new RunsContent());
		viewer.setComparator(new RunOrder());
		viewer.setFilters(new RunFilter());
		viewer.setInput(new RunsContent.Input(List.of(), List.of(), Map.of()));
		sortBy(sortColumn, column(sortColumn));
		filterText.addModifyListener(e -> refilter());
		stateChoice.addListener(SWT.Selection, e -> refilter());

		actions = new RunActions(this);
		viewer.addDoubleClickListener(e -> actions.showInRunViews());
		viewer.addSelectionChangedListener(e -> actions.selectionChanged());
		MenuManager menu = new MenuManager();
		menu.setRemoveAllWhenShown(true);
		menu.addMenuListener(this::fillContextMenu);
		viewer.getTree().setMenu(menu.createContextMenu(viewer.getTree()));
		getSite().registerContextMenu(menu, viewer);
		getSite().setSelectionProvider(viewer);
		fillToolBar(getViewSite().getActionBars().getToolBarManager());

		RunMonitor monitor = GanCore.runMonitor();
		if (monitor != null) {
			monitor.addSessionListener(newRuns);
			monitor.sessions().stream().filter(RunSession::isLive).forEach(s -> s.addListener(liveRuns));
		}
		reader.setSystem(true);
		refresh();
	}

	private void fillContextMenu(IMenuManager menu) {
		actions.fillContextMenu(menu);
	}

	private void fillToolBar(IToolBarManager toolBar) {
		toolBar.add(action(Messages.RunsView_refresh, this::refresh));
		toolBar.add(action(Messages.RunsView_addFolder, actions::addFolder));
		toolBar.add(new Separator());
		toolBar.add(action(Messages.RunsView_exportCsv, actions::exportCsv));
	}

	static Action action(String text, Runnable run) {
		return new Action(text) {
			@Override
			public void run() {
				run.run();
			}
		};
	}

	/** Reads every run's summary again (cheap for ended runs: their summaries are cached). */
	public void refresh() {
		if (reader.getState() == Job.RUNNING) {
			readAgain = true;
		} else {
			reader.schedule();
		}
	}

	private void readSoon() {
		if (reader.getState() == Job.NONE) {
			reader.schedule(LIVE_DELAY_MS);
		} else if (reader.getState() == Job.RUNNING) {
			readAgain = true;
		}
	}

	private IStatus read(IProgressMonitor monitor) {
		readAgain = false;
		List<RunSummary> runs;
		try {
			runs = catalog.summaries(monitor);
		} catch (IOException e) {
			return Status.warning(NLS.bind(Messages.RunsView_readFailed, e.getMessage()), e);
		}
		List<Path> folders = catalog.folders();
		RunsContent.Input input = new RunsContent.Input(runs, folders, RunsContent.Input.sweepsOf(runs, folders));
		Composite control = viewer.getTree();
		control.getDisplay().asyncExec(() -> {
			if (!control.isDisposed()) {
				show(input);
			}
		});
		if (readAgain) {
			reader.schedule(LIVE_DELAY_MS);
		}
		return Status.OK_STATUS;
	}

	private void show(RunsContent.Input input) {
		Object[] selected = viewer.getStructuredSelection().toArray();
		viewer.getTree().setRedraw(false);
		try {
			viewer.setInput(input);
			// the comparer matches a re-read run with the one selected before by its folder
			viewer.setSelection(new StructuredSelection(selected));
		} finally {
			viewer.getTree().setRedraw(true);
		}
		setContentDescription(NLS.bind(Messages.RunsView_description, input.runs().size(), input.folders().size()));
	}

	void refilter() {
		viewer.refresh();
	}

	/**
	 * A sweep's row opens when the tree fills it. expandAll() did this for all rows at once
	 * and so made the virtual tree fill every row of 1,000, 50-70 ms on the UI thread; a row filled
	 * only when scrolled to costs nothing until then.
	 */
	private void openSweepsWhenShown() {
		viewer.getTree().addListener(SWT.SetData, event -> {
			if (event.item.getData() instanceof RunGroup group) {
				event.display.asyncExec(() -> {
					if (!viewer.getTree().isDisposed()) {
						viewer.setExpandedState(group, true);
					}
				});
			}
		});
	}

	private void sortBy(RunColumn column, TreeColumn treeColumn) {
		descending = column == sortColumn ? !descending : column == RunColumn.CREATED;
		sortColumn = column;
		viewer.getTree().setSortColumn(treeColumn);
		viewer.getTree().setSortDirection(descending ? SWT.DOWN : SWT.UP);
		viewer.refresh();
	}

	private TreeColumn column(RunColumn column) {
		return viewer.getTree().getColumn(column.ordinal());
	}

	/** The sweep.json of the sweep a run is a trial of; null for a run outside any sweep. */
	private SweepSummary sweepOf(RunSummary run) {
		RunsContent.Input input = (RunsContent.Input) viewer.getInput();
		Path folder = run.directory().getParent();
		return input == null || folder == null ? null : input.sweeps().get(folder);
	}

	/** The runs selected (a selected sweep folder stands for its runs). */
	List<RunSummary> selectedRuns() {
		List<RunSummary> runs = new ArrayList<>();
		for (Object element : ((IStructuredSelection) viewer.getSelection()).toList()) {
			if (element instanceof RunSummary run) {
				runs.add(run);
			} else if (element instanceof RunGroup group) {
				runs.addAll(group.runs());
			}
		}
		return runs.stream().distinct().toList();
	}

	/** The rows as shown: filtered, in the table's order, the runs of a sweep after its folder. */
	List<RunSummary> shownRuns() {
		List<RunSummary> runs = new ArrayList<>();
		RunsContent content = (RunsContent) viewer.getContentProvider();
		for (Object element : shown(viewer.getInput(), content.getElements(viewer.getInput()))) {
			if (element instanceof RunSummary run) {
				runs.add(run);
			} else {
				for (Object child : shown(element, content.getChildren(element))) {
					runs.add((RunSummary) child);
				}
			}
		}
		return runs;
	}

	/** As the tree shows them (a virtual tree has no items for rows never scrolled to). */
	private Object[] shown(Object parent, Object[] elements) {
		Object[] result = elements;
		for (ViewerFilter filter : viewer.getFilters()) {
			result = filter.filter(viewer, parent, result);
		}
		viewer.getComparator().sort(viewer, result);
		return result;
	}

	/** The table as CSV: the columns in the order shown, a header, one line a run shown. */
	String csv() {
		int[] order = viewer.getTree().getColumnOrder();
		List<RunColumn> columns = Arrays.stream(order).mapToObj(i -> RunColumn.values()[i]).toList();
		StringBuilder text = new StringBuilder(Csv.line(columns.stream().map(c -> c.header).toList())).append('\n');
		for (RunSummary run : shownRuns()) {
			text.append(Csv.line(columns.stream().map(c -> c.text(run)).toList())).append('\n');
		}
		return text.toString();
	}

	void writeCsv(Path file) throws IOException {
		Files.writeString(file, csv(), StandardCharsets.UTF_8);
	}

	TreeViewer viewer() {
		return viewer;
	}

	RunCatalog catalog() {
		return catalog;
	}

	Text filterText() {
		return filterText;
	}

	Combo stateChoice() {
		return stateChoice;
	}

	@Override
	public void setFocus() {
		viewer.getTree().setFocus();
	}

	@Override
	public void dispose() {
		RunMonitor monitor = GanCore.runMonitor();
		if (monitor != null) {
			monitor.removeSessionListener(newRuns);
			monitor.sessions().forEach(s -> s.removeListener(liveRuns));
		}
		reader.cancel();
		super.dispose();
	}

	/** Texts of a cell; the state's tooltip says why a run failed, diverged or cannot be read. */
	private static final class RunCell extends ColumnLabelProvider {
		private final RunColumn column;
		private final Function<RunSummary, SweepSummary> sweeps;

		RunCell(RunColumn column, Function<RunSummary, SweepSummary> sweeps) {
			this.column = column;
			this.sweeps = sweeps;
		}

		@Override
		public String getText(Object element) {
			if (element instanceof RunSummary run) {
				return column.text(run);
			}
			RunGroup group = (RunGroup) element;
			if (column != RunColumn.NAME) {
				return ""; //$NON-NLS-1$
			}
			SweepSummary sweep = group.sweep();
			if (sweep == null) {
				return NLS.bind(Messages.RunsView_sweep, group.name(), group.runs().size());
			}
			String best = sweep.best() == null ? Messages.RunsView_sweepNoBest
					: NLS.bind(Messages.RunsView_sweepBest, new Object[] { sweep.best(), sweep.objective(),
							String.format(Locale.ROOT, "%.4g", sweep.bestObjective()) }); //$NON-NLS-1$
			return NLS.bind(Messages.RunsView_sweepTrials, new Object[] { group.name(), sweep.states().size(),
					sweep.count("running"), sweep.count("finished") + sweep.count("diverged") + sweep.count("pruned"), best }); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		}

		@Override
		public Font getFont(Object element) {
			// the best trial of a sweep, as its sweep.json names it
			SweepSummary sweep = element instanceof RunSummary run ? sweeps.apply(run) : null;
			return sweep != null && ((RunSummary) element).directory().getFileName().toString().equals(sweep.best())
					? JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT) : null;
		}

		@Override
		public String getToolTipText(Object element) {
			if (!(element instanceof RunSummary run)) {
				return ((RunGroup) element).folder().toString();
			}
			if (column == RunColumn.STATE) {
				return run.reason() != null ? run.reason() : run.message();
			}
			return column == RunColumn.NAME ? run.note() == null ? run.directory().toString()
					: run.directory() + "\n" + run.note() : null; //$NON-NLS-1$
		}
	}

	/** The sort column's order; sweep folders by name, before the runs of the same level. */
	private final class RunOrder extends ViewerComparator {
		@Override
		public int compare(Viewer v, Object a, Object b) {
			if (a instanceof RunSummary x && b instanceof RunSummary y) {
				int order = sortColumn.order.compare(x, y);
				return descending ? -order : order;
			}
			if (a instanceof RunGroup x && b instanceof RunGroup y) {
				return x.name().compareTo(y.name());
			}
			return a instanceof RunGroup ? -1 : 1;
		}
	}

	/** The filter text in the name, model, state, host, tags or note; the state chosen. */
	private final class RunFilter extends ViewerFilter {
		@Override
		public boolean select(Viewer v, Object parent, Object element) {
			if (element instanceof RunGroup group) {
				return group.runs().stream().anyMatch(this::matches);
			}
			return matches((RunSummary) element);
		}

		private boolean matches(RunSummary run) {
			int state = stateChoice.getSelectionIndex();
			if (state > 0 && run.state() != RunState.values()[state - 1]) {
				return false;
			}
			String text = filterText.getText().strip().toLowerCase(Locale.ROOT);
			if (text.isEmpty()) {
				return true;
			}
			String haystack = String.join("\n", run.name(), String.valueOf(run.model()), run.state().word(), //$NON-NLS-1$
					String.valueOf(run.host()), String.join(" ", run.tags()), String.valueOf(run.note())); //$NON-NLS-1$
			return haystack.toLowerCase(Locale.ROOT).contains(text);
		}
	}
}
