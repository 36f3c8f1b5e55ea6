package org.ganworkbench.ui.internal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IWorkbenchPage;
import org.ganworkbench.model.LayerType;
import org.ganworkbench.model.ModelEdits;
import org.ganworkbench.model.ModelSchema;
import org.ganworkbench.model.Templates;
import org.ganworkbench.tests.support.ErrorLog;
import org.ganworkbench.ui.tests.ModelTestFiles;
import org.ganworkbench.ui.tests.Screenshots;
import org.ganworkbench.ui.tests.UiTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Editing on the Architecture page through its widgets: the palette, the properties table, the
 * diagram's keys. After each step the document holds exactly the expected text and the diagram the
 * new shapes; undo takes every step back to the original bytes. The table offers, for every layer
 * type and block, exactly the keys and ranges of the model bundle's schema.
 */
class ArchitectureEditingTest {

	private static final String DCGAN = Templates.text("dcgan", 28, 1);

	private ModelTestFiles files;
	private GanModelEditor editor;
	private ArchitecturePage page;
	private IDocument document;
	private ErrorLog log;

	@BeforeEach
	void open() throws Exception {
		log = new ErrorLog();
		files = new ModelTestFiles("architectureEditing");
		editor = files.open(files.write("dcgan.gan", DCGAN));
		page = editor.architecturePage();
		document = editor.documentModel().document();
	}

	@AfterEach
	void close() throws Exception {
		files.close();
		log.close();
		log.assertNoErrors();
	}

	@Test
	void insertSetMoveDeleteThenUndoAll() throws Exception {
		// Insert from the palette after G's a1: an identity layer, on its own line, named for its type.
		select("generator", "a1");
		page.palette().insert("identity");
		String inserted = once(DCGAN, "\t\trelu a1 {}\n", "\t\trelu a1 {}\n\t\tidentity identity1 {}\n");
		assertEquals(inserted, document.get());
		LayerBox identity = waitForBox("generator", "identity1");
		assertEquals(box("generator", "a1").shape(), identity.shape(), "identity keeps the shape");
		assertEquals("identity1", page.diagram().selection().name(), "the new layer is selected");
		screenshot("editor-palette");

		// up1's filters from 64 to 32 in the properties table: only that value changes, its shape follows.
		select("generator", "up1");
		assertEquals("64", page.properties().value("filters"));
		Control cell = page.properties().typeWithoutCommit("filters", "32");
		screenshot("editor-edit-in-progress");
		if (!cell.isDisposed()) { // the screenshot's focus change may have committed it already
			cell.notifyListeners(SWT.DefaultSelection, new Event());
		}
		String filtered = once(inserted, "deconv up1 { filters = 64;", "deconv up1 { filters = 32;");
		assertEquals(filtered, document.get());
		UiTestSupport.waitUntil("up1 is drawn with 32 channels", () -> "[32, 14, 14]".equals(box("generator", "up1").shape()),
				() -> box("generator", "up1").shape());

		// Alt+Up on the diagram moves identity1 above a1.
		select("generator", "identity1");
		key(SWT.ARROW_UP, SWT.ALT);
		String moved = once(filtered, "\t\trelu a1 {}\n\t\tidentity identity1 {}\n", "\t\tidentity identity1 {}\n\t\trelu a1 {}\n");
		assertEquals(moved, document.get());
		UiTestSupport.waitUntil("identity1 is drawn above a1", () -> box("generator", "identity1").bounds().y < box("generator", "a1").bounds().y,
				() -> box("generator", "identity1").bounds() + " / " + box("generator", "a1").bounds());

		// Delete on the diagram removes D's bn2.
		select("discriminator", "bn2");
		key(SWT.DEL, 0);
		String deleted = once(moved, "\t\tbatchnorm bn2 {}\n", "");
		assertEquals(deleted, document.get());
		UiTestSupport.waitUntil("bn2 is gone from the diagram",
				() -> page.diagram().boxes().stream().noneMatch(b -> b.name().equals("bn2")), () -> "still drawn");
		assertTrue(page.diagram().boxes().stream().noneMatch(LayerBox::hasError), "every step left a valid model");

		// The whole diagram exports as PNG, every box in it, scrolled to or not.
		Path png = Files.createTempFile("diagram", ".png");
		page.diagram().writePng(png);
		ImageData exported = new ImageData(png.toString());
		int bottom = page.diagram().boxes().stream().mapToInt(b -> b.bounds().y + b.bounds().height).max().orElseThrow();
		assertTrue(exported.height >= bottom, exported.height + " px high, the last box ends at " + bottom);
		Files.delete(png);

		// Four edits, four undo steps, back to the original bytes.
		ITextOperationTarget target = editor.sourceEditor().getAdapter(ITextOperationTarget.class);
		List<String> states = List.of(moved, filtered, inserted, DCGAN);
		for (String expected : states) {
			assertTrue(target.canDoOperation(ITextOperationTarget.UNDO));
			target.doOperation(ITextOperationTarget.UNDO);
			assertEquals(expected, document.get(), "one undo takes one edit back");
		}
	}

	@Test
	void aRenameAndAnInvalidValueAreEditsLikeTypedOnes() throws Exception {
		select("discriminator", "d1");
		page.properties().type("name", "stem");
		UiTestSupport.waitUntil("d1 is renamed stem", () -> page.diagram().boxes().stream().anyMatch(b -> b.name().equals("stem")),
				() -> document.get());
		assertTrue(document.get().contains("conv stem { filters = 64;"), document.get());

		// Zoomed to twice the size, a click at twice a box's place selects it.
		page.diagram().setZoom(2);
		LayerBox d2 = box("discriminator", "d2");
		Event click = new Event();
		click.button = 1;
		click.x = 2 * (d2.bounds().x + d2.bounds().width / 2);
		click.y = 2 * (d2.bounds().y + d2.bounds().height / 2);
		page.diagram().canvas().notifyListeners(SWT.MouseDown, click);
		assertEquals("d2", page.diagram().selection().name(), "the click hits the box drawn at twice its size");
		page.diagram().setZoom(1);

		// The inputs' blocks as forms: G's z shows the latent block, D's x the data block.
		select("discriminator", "x");
		assertEquals("[1, 28, 28]", page.properties().value("data.image"));
		select("generator", "z");
		assertEquals("64", page.properties().value("latent.size"));
		page.properties().type("latent.size", "128");
		assertTrue(document.get().contains("\t\tsize = 128\n"), document.get());
		UiTestSupport.waitUntil("z is 128 wide and fc's weights follow",
				() -> "[128]".equals(box("generator", "z").shape()) && box("generator", "fc").layer().paramCount() == 129 * 6272,
				() -> box("generator", "z").shape() + ", fc " + box("generator", "fc").layer().paramCount());

		// An invalid value is written as typed, and shown on the diagram as a typed error would be.
		select("discriminator", "out");
		page.properties().type("units", "0");
		assertTrue(document.get().contains("dense out { units = 0 }"), document.get());
		UiTestSupport.waitUntil("out is drawn with its error", () -> box("discriminator", "out").hasError(),
				() -> box("discriminator", "out").problems().toString());
	}

	@Test
	void theTableOffersTheSchemasKeysForEveryLayerTypeAndBlock() throws Exception {
		for (LayerType type : LayerType.values()) {
			select("generator", "out");
			page.edits().insert(type, false);
			UiTestSupport.waitUntil(type.keyword() + " is inserted and selected",
					() -> page.diagram().selection() != null && page.diagram().selection().name().startsWith(type.keyword()),
					() -> String.valueOf(page.diagram().selection()));
			assertEquals(ModelSchema.keys(type), page.properties().editableSpecs(), type.keyword() + ": keys, types and ranges");
		}
		for (ModelEdits.BlockKind block : ModelEdits.BlockKind.values()) {
			String network = block == ModelEdits.BlockKind.RESIDUAL_DOWN ? "discriminator" : "generator";
			select(network, "out");
			Set<String> before = page.diagram().boxes().stream().map(LayerBox::name).collect(Collectors.toSet());
			page.palette().insert(LayerPalette.blockLabel(block));
			UiTestSupport.waitUntil(block + " is inserted",
					() -> page.diagram().boxes().stream().anyMatch(b -> !before.contains(b.name())), () -> document.get());
			LayerBox made = page.diagram().boxes().stream().filter(b -> !before.contains(b.name())).findFirst().orElseThrow();
			assertEquals(network, made.role().keyword());
			select(network, made.name());
			assertEquals(ModelSchema.keys(made.layer().type()), page.properties().editableSpecs(), block + ": keys of its layer type");
		}
	}

	private void select(String network, String name) {
		waitForBox(network, name);
		assertNotNull(page.selectLayer(network, name), network + " " + name);
	}

	private LayerBox waitForBox(String network, String name) {
		UiTestSupport.waitUntil(network + " " + name + " is drawn",
				() -> page.diagram().boxes().stream().anyMatch(b -> b.role().keyword().equals(network) && b.name().equals(name)),
				() -> document.get());
		return box(network, name);
	}

	private LayerBox box(String network, String name) {
		return page.diagram().boxes().stream().filter(b -> b.role().keyword().equals(network) && b.name().equals(name))
				.findFirst().orElseThrow(() -> new AssertionError("no box " + network + " " + name));
	}

	private void key(int keyCode, int stateMask) {
		Event event = new Event();
		event.keyCode = keyCode;
		event.stateMask = stateMask;
		page.diagram().canvas().notifyListeners(SWT.KeyDown, event);
	}

	/** The text with the first occurrence of {@code old} replaced; fails if there is none. */
	private static String once(String text, String old, String replacement) {
		int at = text.indexOf(old);
		assertTrue(at >= 0, () -> "no '" + old + "' in\n" + text);
		return text.substring(0, at) + replacement + text.substring(at + old.length());
	}

	/** The editor maximized, so that the palette, the diagram and the properties all show. */
	private void screenshot(String name) throws Exception {
		Screenshots.sizeWindow();
		IWorkbenchPage workbenchPage = ModelTestFiles.page();
		workbenchPage.setPartState(workbenchPage.getReference(editor), IWorkbenchPage.STATE_MAXIMIZED);
		try {
			Screenshots.save(name);
		} finally {
			workbenchPage.setPartState(workbenchPage.getReference(editor), IWorkbenchPage.STATE_RESTORED);
		}
	}
}
