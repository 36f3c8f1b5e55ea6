package org.ganworkbench.core.projects;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.util.NLS;
import org.ganworkbench.model.LayerType;
import org.ganworkbench.model.ModelEdits;

/**
 * New custom layers (File > New > GAN Custom Layer): a class in the project's src/ that implements the
 * trainer's CustomLayer API with a correct backward (a learned scale per channel, a start the user
 * changes), and, if asked, its entry in a model file after a chosen layer, so that Check Gradients
 * and a run can use it at once.
 */
public final class CustomLayers {

	/** A Java type name: package segments and a class name. */
	private static final String QUALIFIED = "([a-zA-Z_$][a-zA-Z0-9_$]*\\.)*[A-Z][a-zA-Z0-9_$]*"; //$NON-NLS-1$

	private CustomLayers() {
	}

	/** Why a class name cannot be used, or null. */
	public static String problemWith(IProject project, String qualifiedName) {
		if (!qualifiedName.matches(QUALIFIED)) {
			return NLS.bind(Messages.CustomLayers_badName, qualifiedName);
		}
		return project != null && project.getFile(sourcePath(qualifiedName)).exists()
				? NLS.bind(Messages.CustomLayers_exists, sourcePath(qualifiedName))
				: null;
	}

	/**
	 * Writes the class and, when {@code model} is not null, adds {@code custom NAME { class = "..." }}
	 * to its network after the layer {@code after}.
	 *
	 * @return the Java file made
	 */
	public static IFile create(IProject project, String qualifiedName, IFile model, String network, String after,
			IProgressMonitor monitor) throws CoreException {
		String problem = problemWith(project, qualifiedName);
		if (problem != null) {
			throw new CoreException(Status.error(problem));
		}
		IFile source = project.getFile(sourcePath(qualifiedName));
		if (source.getParent() instanceof IFolder folder) {
			GanProjects.createFolders(folder);
		}
		source.create(new ByteArrayInputStream(skeleton(qualifiedName).getBytes(StandardCharsets.UTF_8)), true, monitor);
		if (model != null) {
			String text;
			try (InputStream in = model.getContents()) {
				text = new String(in.readAllBytes(), model.getCharset());
			} catch (IOException e) {
				throw new CoreException(Status.error(e.getMessage(), e));
			}
			String simple = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
			String name = ModelEdits.uniqueName(text, network, simple.toLowerCase(Locale.ROOT));
			try {
				text = ModelEdits.insertLayer(text, network, after, true, LayerType.CUSTOM, name).applyTo(text);
				text = ModelEdits.setLayerKey(text, network, name, "class", '"' + qualifiedName + '"').applyTo(text); //$NON-NLS-1$
			} catch (IllegalArgumentException e) {
				throw new CoreException(Status.error(NLS.bind(Messages.CustomLayers_notAdded, model.getName(), e.getMessage()), e));
			}
			model.setContents(new ByteArrayInputStream(text.getBytes(Charset.forName(model.getCharset()))), true, true, monitor);
		}
		return source;
	}

	static String sourcePath(String qualifiedName) {
		return "src/" + qualifiedName.replace('.', '/') + ".java"; //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** y = x * scale[c], its backward exact: it passes Check Gradients as it is. */
	static String skeleton(String qualifiedName) {
		int dot = qualifiedName.lastIndexOf('.');
		String pkg = dot < 0 ? "" : "package " + qualifiedName.substring(0, dot) + ";\n\n"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		String name = qualifiedName.substring(dot + 1);
		return pkg + """
				import org.ganworkbench.trainer.api.CustomLayer;
				import org.nd4j.linalg.api.ndarray.INDArray;
				import org.nd4j.linalg.factory.Nd4j;

				/**
				 * A custom layer: y = x * scale[c], a learned scale per channel. Change forward and backward
				 * together, then right-click this file > Check Gradients (GAN Custom Layer): it compares
				 * backward with finite differences of forward, and every run does the same at its start.
				 */
				public class %s implements CustomLayer {

					@Override
					public void setup(Setup setup) {
						// the channels are the first dimension of one sample's shape
						setup.addParameter("scale", Nd4j.ones(setup.inputShape()[0]));
					}

					@Override
					public INDArray forward(INDArray input, Context context) {
						context.save(input);
						return input.mul(scale(input, context));
					}

					@Override
					public INDArray backward(INDArray gradOutput, Context context) {
						INDArray input = (INDArray) context.saved()[0];
						// d y / d scale[c]: the sum over the batch (and the pixels) of gradOutput * input
						INDArray product = gradOutput.mul(input);
						context.addGradient("scale", input.rank() == 4 ? product.sum(0, 2, 3) : product.sum(0));
						return gradOutput.mul(scale(input, context));
					}

					private static INDArray scale(INDArray input, Context context) {
						INDArray scale = context.parameter("scale");
						return input.rank() == 4 ? scale.reshape(1, input.size(1), 1, 1) : scale.reshape(1, input.size(1));
					}
				}
				""".formatted(name);
	}
}
