package org.ganworkbench.ui.internal.wizards;

import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.ganworkbench.core.projects.DatasetChoice;
import org.ganworkbench.core.projects.GanProjects;
import org.ganworkbench.core.projects.ModelSpec;
import org.ganworkbench.model.Templates;

/**
 * The choices a new model is made from, shared by both wizards: template (with its description),
 * image size and channels, and the dataset, whose folder is checked as the user types.
 * Fashion-MNIST fixes the image to 28x28 grey.
 */
public final class ModelSpecControls {

	static final String FASHION_MNIST_DEFAULT = "/usr/share/datasets/fashion-mnist"; //$NON-NLS-1$
	private static final List<Integer> SIZES = List.of(28, 32, 64);
	private static final List<Integer> CHANNELS = List.of(1, 3);

	private final Runnable onChange;
	private final Combo template;
	private final Label description;
	private final Combo size;
	private final Combo channels;
	private final Button synthetic;
	private final Button fashionMnist;
	private final Button imageFolder;
	private final Text path;
	private final Button browse;

	/** @param onChange told after every change, to validate the page */
	ModelSpecControls(Composite parent, Runnable onChange) {
		this.onChange = onChange;
		Group model = group(parent, Messages.ModelSpecControls_model, 2);
		label(model, Messages.ModelSpecControls_template);
		template = new Combo(model, SWT.READ_ONLY);
		template.setItems(Templates.names().toArray(String[]::new));
		template.select(0);
		description = new Label(model, SWT.WRAP);
		GridData wide = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
		wide.widthHint = 420;
		wide.heightHint = 48;
		description.setLayoutData(wide);
		label(model, Messages.ModelSpecControls_size);
		size = new Combo(model, SWT.READ_ONLY);
		for (int s : SIZES) {
			size.add(NLS.bind(Messages.ModelSpecControls_sizeItem, s));
		}
		size.select(0);
		label(model, Messages.ModelSpecControls_channels);
		channels = new Combo(model, SWT.READ_ONLY);
		channels.setItems(Messages.ModelSpecControls_grey, Messages.ModelSpecControls_rgb);
		channels.select(0);

		Group data = group(parent, Messages.ModelSpecControls_dataset, 3);
		synthetic = radio(data, Messages.ModelSpecControls_synthetic);
		fashionMnist = radio(data, Messages.ModelSpecControls_fashionMnist);
		imageFolder = radio(data, Messages.ModelSpecControls_imageFolder);
		synthetic.setSelection(true);
		label(data, Messages.ModelSpecControls_folder);
		path = new Text(data, SWT.BORDER | SWT.SINGLE);
		path.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		browse = new Button(data, SWT.PUSH);
		browse.setText(Messages.ModelSpecControls_browse);
		browse.addListener(SWT.Selection, e -> browse());

		template.addListener(SWT.Selection, e -> changed());
		size.addListener(SWT.Selection, e -> changed());
		channels.addListener(SWT.Selection, e -> changed());
		for (Button radio : List.of(synthetic, fashionMnist, imageFolder)) {
			radio.addListener(SWT.Selection, e -> {
				if (radio.getSelection()) {
					datasetChosen();
				}
			});
		}
		path.addModifyListener(e -> changed());
		datasetChosen();
	}

	private static Group group(Composite parent, String title, int columns) {
		Group group = new Group(parent, SWT.NONE);
		group.setText(title);
		group.setLayout(new GridLayout(columns, false));
		group.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		return group;
	}

	private static void label(Composite parent, String text) {
		new Label(parent, SWT.NONE).setText(text);
	}

	private static Button radio(Composite parent, String text) {
		Button button = new Button(parent, SWT.RADIO);
		button.setText(text);
		button.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
		return button;
	}

	private void browse() {
		DirectoryDialog dialog = new DirectoryDialog(path.getShell());
		dialog.setFilterPath(path.getText());
		String chosen = dialog.open();
		if (chosen != null) {
			path.setText(chosen);
		}
	}

	private void datasetChosen() {
		boolean fashion = fashionMnist.getSelection();
		boolean folder = fashion || imageFolder.getSelection();
		path.setEnabled(folder);
		browse.setEnabled(folder);
		if (fashion && path.getText().isBlank()) {
			path.setText(FASHION_MNIST_DEFAULT);
		}
		if (fashion) {
			size.select(SIZES.indexOf(28));
			channels.select(CHANNELS.indexOf(1));
		}
		size.setEnabled(!fashion);
		channels.setEnabled(!fashion);
		changed();
	}

	private void changed() {
		description.setText(Templates.describe(template()));
		onChange.run();
	}

	public String template() {
		return template.getItem(template.getSelectionIndex());
	}

	public int size() {
		return SIZES.get(size.getSelectionIndex());
	}

	public int channels() {
		return CHANNELS.get(channels.getSelectionIndex());
	}

	public DatasetChoice dataset() {
		return fashionMnist.getSelection() ? DatasetChoice.FASHION_MNIST
				: imageFolder.getSelection() ? DatasetChoice.IMAGE_FOLDER : DatasetChoice.SYNTHETIC;
	}

	public String datasetPath() {
		return dataset() == DatasetChoice.SYNTHETIC ? null : path.getText().strip();
	}

	/** What is wrong with the choices, or null. */
	public String problem() {
		return GanProjects.datasetProblem(dataset(), datasetPath());
	}

	public ModelSpec modelSpec() {
		return new ModelSpec(template(), size(), channels(), dataset(), datasetPath());
	}

	/** Chooses a template, size and channels as the user would, listeners included. */
	public void choose(String templateName, int imageSize, int imageChannels) {
		select(template, Templates.names().indexOf(templateName));
		select(size, SIZES.indexOf(imageSize));
		select(channels, CHANNELS.indexOf(imageChannels));
	}

	/** Chooses a dataset and types its folder as the user would, listeners included. */
	public void chooseDataset(DatasetChoice choice, String folder) {
		for (Button radio : List.of(synthetic, fashionMnist, imageFolder)) {
			radio.setSelection(false);
		}
		Button radio = switch (choice) {
		case SYNTHETIC -> synthetic;
		case FASHION_MNIST -> fashionMnist;
		case IMAGE_FOLDER -> imageFolder;
		};
		radio.setSelection(true);
		radio.notifyListeners(SWT.Selection, null);
		if (folder != null) {
			path.setText(folder);
		}
	}

	private static void select(Combo combo, int index) {
		if (index < 0) {
			throw new IllegalArgumentException("no such item"); //$NON-NLS-1$
		}
		combo.select(index);
		combo.notifyListeners(SWT.Selection, null);
	}
}
