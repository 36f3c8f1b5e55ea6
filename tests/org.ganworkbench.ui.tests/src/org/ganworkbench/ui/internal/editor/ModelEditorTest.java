package org.ganworkbench.ui.internal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.ganworkbench.model.Templates;
import org.ganworkbench.tests.support.ErrorLog;
import org.ganworkbench.ui.tests.ModelTestFiles;
import org.ganworkbench.ui.tests.UiTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModelEditorTest {

	private static final String DCGAN = Templates.text("dcgan", 28, 1);

	private ModelTestFiles files;
	private GanModelEditor editor;
	private IDocument document;
	private ErrorLog log;

	@BeforeEach
	void open() throws Exception {
		log = new ErrorLog();
		files = new ModelTestFiles("editorTest");
		editor = files.open(files.write("dcgan.gan", DCGAN));
		document = editor.documentModel().document();
	}

	@AfterEach
	void close() throws Exception {
		files.close();
		log.close();
		log.assertNoErrors();
	}

	private List<LayerBox> layerBoxes() {
		return editor.architecturePage().diagram().boxes().stream().filter(b -> !b.isInput()).toList();
	}

	@Test
	void theArchitecturePageDrawsABoxPerLayerOfGAndD() {
		assertNotNull(editor.architecturePage().diagram(), "the Architecture page is the first page shown");
		assertEquals(10 + 6, layerBoxes().size(), "dcgan: 10 layers in G, 6 in D");
		assertEquals(2, editor.architecturePage().diagram().boxes().stream().filter(LayerBox::isInput).count());
		assertTrue(layerBoxes().stream().noneMatch(LayerBox::hasError));
		LayerBox fc = layerBoxes().get(0);
		assertEquals("fc", fc.name());
		assertEquals("[6272]", fc.shape());
		assertEquals(407_680, fc.layer().paramCount());
	}

	@Test
	void clickingALayerSelectsItInTheSource() {
		LayerBox box = editor.architecturePage().selectLayer("discriminator", "d2");
		assertNotNull(box);
		ITextSelection selection = (ITextSelection) editor.sourceEditor().getSelectionProvider().getSelection();
		assertEquals(box.layer().offset(), selection.getOffset());
		assertTrue(selection.getText().startsWith("conv d2"), selection.getText());
	}

	@Test
	void aTrainingEditChangesOneValueAndUndoRestoresIt() {
		editor.showPage(1);
		assertFalse(editor.isDirty());
		editor.trainingPage().type("training.batch", "32");
		assertEquals(DCGAN.replace("batch = 64", "batch = 32"), document.get(), "only the value changed");
		assertTrue(editor.isDirty());

		ITextOperationTarget target = editor.sourceEditor().getAdapter(ITextOperationTarget.class);
		assertTrue(target.canDoOperation(ITextOperationTarget.UNDO));
		target.doOperation(ITextOperationTarget.UNDO);
		assertEquals(DCGAN, document.get(), "one undo takes the edit back");
	}

	@Test
	void theSweepFieldsEditAModelsSweepBlockAndWaitForOne() {
		editor.showPage(1);
		assertFalse(editor.trainingPage().field("sweep.parallel").isEnabled(), "no sweep block: nothing to edit yet");
		String withSweep = DCGAN.substring(0, DCGAN.lastIndexOf('}'))
				+ "\tsweep {\n\t\tvary \"training.g_optimizer.lr\" { values = [0.0001, 0.0002] }\n\t}\n}\n";
		document.set(withSweep);
		editor.documentModel().reparse();
		UiTestSupport.waitUntil("the sweep fields become editable", () -> editor.trainingPage().field("sweep.parallel").isEnabled());
		editor.trainingPage().type("sweep.parallel", "3");
		assertEquals(withSweep.replace("\tsweep {\n", "\tsweep {\n\t\tparallel = 3\n"), document.get(), "one key written in the sweep block");
		editor.trainingPage().type("sweep.trials", "0");
		assertNotNull(editor.trainingPage().errorOf("sweep.trials"), "trials start at 1");
	}

	@Test
	void anInvalidValueIsFlaggedAndNotWritten() {
		editor.showPage(1);
		editor.trainingPage().type("training.d_steps", "0");
		assertNotNull(editor.trainingPage().errorOf("training.d_steps"));
		editor.trainingPage().type("training.g_optimizer.beta1", "x1");
		assertNotNull(editor.trainingPage().errorOf("training.g_optimizer.beta1"));
		assertEquals(DCGAN, document.get());
		editor.trainingPage().type("training.ema.decay", "0.99");
		assertNull(editor.trainingPage().errorOf("training.ema.decay"));
		assertTrue(document.get().contains("ema { enabled = false; decay = 0.99 }"), document.get());
	}

	@Test
	void aBrokenLayerIsDrawnRedAndAnnotated() throws Exception {
		int at = document.get().indexOf("units = 1 }");
		document.replace(at, "units = 1".length(), "units = 0");
		UiTestSupport.waitUntil("the D layer 'out' is drawn with an error",
				() -> layerBoxes().stream().anyMatch(b -> b.name().equals("out") && b.hasError()),
				() -> layerBoxes().toString());
		LayerBox out = layerBoxes().stream().filter(b -> b.name().equals("out") && b.hasError()).findFirst().get();
		assertTrue(out.problems().get(0).message().contains("units"), out.problems().toString());
		assertTrue(editor.liveProblemCount() > 0, "the problem is annotated in the source page");
	}

	@Test
	void contentAssistProposesLayerTypesKeysAndValues() throws Exception {
		String marker = "\tgenerator {\n";
		int at = document.get().indexOf(marker) + marker.length();
		document.replace(at, 0, "\t\tdecon\n");
		List<String> layers = displays(editor.sourceEditor().completions(at + "\t\tdecon".length()));
		assertTrue(layers.stream().anyMatch(s -> s.startsWith("deconv")), layers.toString());
		assertTrue(layers.stream().noneMatch(s -> s.startsWith("dense")), "filtered by the prefix: " + layers);

		String lossLine = "loss = ";
		int value = document.get().indexOf(lossLine) + lossLine.length();
		List<String> losses = displays(editor.sourceEditor().completions(value));
		assertTrue(losses.contains("hinge"), losses.toString());

		int inLayer = document.get().indexOf("conv d1 {") + "conv d1 {".length();
		List<String> keys = displays(editor.sourceEditor().completions(inLayer));
		assertTrue(keys.stream().anyMatch(s -> s.startsWith("filters")), keys.toString());
	}

	@Test
	void theOutlineShowsTheBlocksAndLayers() throws Exception {
		ModelTestFiles.page().showView(IPageLayout.ID_OUTLINE);
		ModelTestFiles.page().activate(editor);
		IContentOutlinePage outline = editor.getAdapter(IContentOutlinePage.class);
		UiTestSupport.waitUntil("the outline shows the gan block",
				() -> outline.getControl() instanceof Tree tree && tree.getItemCount() == 1);
		TreeItem gan = ((Tree) outline.getControl()).getItem(0);
		assertTrue(gan.getText().startsWith("gan"), gan.getText());
		assertEquals(List.of("latent", "data", "generator", "discriminator", "training"),
				Arrays.stream(gan.getItems()).map(TreeItem::getText).toList());
		assertEquals(10, gan.getItem(2).getItemCount(), "the generator's layers");
		assertEquals("conv d1  [64, 14, 14]", gan.getItem(3).getItem(0).getText());
	}

	private static List<String> displays(List<ICompletionProposal> proposals) {
		return proposals.stream().map(ICompletionProposal::getDisplayString).toList();
	}
}
