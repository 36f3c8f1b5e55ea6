package org.ganworkbench.ui.internal.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.osgi.util.NLS;
import org.ganworkbench.model.Layer;
import org.ganworkbench.model.LayerType;
import org.ganworkbench.model.Network;
import org.ganworkbench.model.NetworkRole;

/**
 * Content assist of the source page: the keys and blocks valid in the block around the caret, layer
 * types inside generator and discriminator, and after {@code key =} the choices of that key or the
 * names of the network's layers.
 */
final class ModelCompletionProcessor implements IContentAssistProcessor {

	private final Supplier<ModelSnapshot> snapshot;

	/** @param snapshot the latest parse, for the layer names of input/inputs/output */
	ModelCompletionProcessor(Supplier<ModelSnapshot> snapshot) {
		this.snapshot = snapshot;
	}

	@Override
	public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
		return proposals(viewer.getDocument().get(), offset).toArray(ICompletionProposal[]::new);
	}

	List<ICompletionProposal> proposals(String text, int offset) {
		CompletionContext context = CompletionContext.at(text, offset);
		List<ICompletionProposal> proposals = new ArrayList<>();
		if (context.valueOf() != null) {
			values(context, proposals);
			return proposals;
		}
		String block = context.innermost();
		LayerType layerType = ModelKeys.isNetwork(context.parent()) ? LayerType.fromKeyword(block) : null;
		if (layerType != null) {
			for (String key : ModelKeys.layerKeys(layerType)) {
				add(proposals, context, key + " = ", NLS.bind(Messages.Completion_layerKey, key, block)); //$NON-NLS-1$
			}
			return proposals;
		}
		for (String key : ModelKeys.blockKeys(block)) {
			add(proposals, context, key + " = ", NLS.bind(Messages.Completion_key, key, block)); //$NON-NLS-1$
		}
		for (String sub : ModelKeys.subBlocks(block)) {
			addBlock(proposals, context, sub + " {  }", sub.length() + 3, NLS.bind(Messages.Completion_block, sub)); //$NON-NLS-1$
		}
		if (ModelKeys.isNetwork(block)) {
			for (String type : LayerType.keywords()) {
				addBlock(proposals, context, type + "  {}", type.length() + 1, NLS.bind(Messages.Completion_layer, type)); //$NON-NLS-1$
			}
		}
		return proposals;
	}

	private void values(CompletionContext context, List<ICompletionProposal> proposals) {
		String key = context.valueOf();
		String network = context.network();
		if (ModelKeys.takesLayerNames(key) && network != null) {
			NetworkRole role = network.equals(NetworkRole.GENERATOR.keyword()) ? NetworkRole.GENERATOR
					: NetworkRole.DISCRIMINATOR;
			Network net = role == NetworkRole.GENERATOR ? snapshot.get().model().generator()
					: snapshot.get().model().discriminator();
			add(proposals, context, role.inputName(), NLS.bind(Messages.Completion_input, role.inputName()));
			for (Layer layer : net.layers()) {
				add(proposals, context, layer.name(),
						NLS.bind(Messages.Completion_layerName, layer.name(), layer.type().keyword()));
			}
			return;
		}
		String block = context.innermost();
		LayerType layerType = ModelKeys.isNetwork(context.parent()) ? LayerType.fromKeyword(block) : null;
		for (String choice : ModelKeys.valueChoices(block, layerType, key)) {
			add(proposals, context, choice, choice);
		}
	}

	private static void add(List<ICompletionProposal> proposals, CompletionContext context, String replacement,
			String display) {
		addBlock(proposals, context, replacement, replacement.length(), display);
	}

	private static void addBlock(List<ICompletionProposal> proposals, CompletionContext context, String replacement,
			int cursor, String display) {
		if (replacement.startsWith(context.prefix())) {
			proposals.add(new CompletionProposal(replacement, context.prefixOffset(), context.prefix().length(), cursor,
					null, display, null, null));
		}
	}

	@Override
	public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
		return null;
	}

	@Override
	public char[] getCompletionProposalAutoActivationCharacters() {
		return new char[] { '=' };
	}

	@Override
	public char[] getContextInformationAutoActivationCharacters() {
		return null;
	}

	@Override
	public String getErrorMessage() {
		return null;
	}

	@Override
	public IContextInformationValidator getContextInformationValidator() {
		return null;
	}
}
