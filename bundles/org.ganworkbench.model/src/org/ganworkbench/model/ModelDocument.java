package org.ganworkbench.model;

import java.util.List;

import org.ganworkbench.model.syntax.BlockNode;
import org.ganworkbench.model.syntax.ProblemSink;
import org.ganworkbench.model.syntax.SyntaxParser;
import org.ganworkbench.model.syntax.Problem;
import org.ganworkbench.model.syntax.Severity;

/**
 * A parsed, validated and inferred model file: the one entry point for the editor, the builder and
 * the trainer. {@link #read(byte[])} (a file's bytes) and {@link #parse(String)} (an editor's text)
 * never throw; everything wrong is a {@link Problem}. Reading takes time and memory linear in the size
 * of the file, whatever it holds.
 */
public final class ModelDocument {

	/**
	 * The most problems a document lists; when there are more, one more problem ("N more problems not
	 * shown") follows them. The Problems view and the editor show this list as it is.
	 */
	public static final int MAX_PROBLEMS = ProblemSink.MAX_PROBLEMS;

	private final String source;
	private final List<Problem> problems;
	private final GanModel model;
	private final BlockNode syntax;

	private ModelDocument(String source, List<Problem> problems, GanModel model, BlockNode syntax) {
		this.source = source;
		this.problems = List.copyOf(problems);
		this.model = model;
		this.syntax = syntax;
	}

	/** Reads a model file's bytes: decoding problems (see {@link ModelSource}) come first in their place. */
	public static ModelDocument read(byte[] bytes) {
		ModelSource decoded = ModelSource.decode(bytes == null ? new byte[0] : bytes);
		ProblemSink sink = new ProblemSink(decoded.text(), true);
		decoded.reportTo(sink);
		if (decoded.isBinary()) {
			return new ModelDocument(decoded.text(), sink.problems(), GanModel.empty(), emptySyntax());
		}
		return parse(decoded.text(), sink);
	}

	/** Parses text as an editor holds it. */
	public static ModelDocument parse(String source) {
		String text = source == null ? "" : source;
		return parse(text, new ProblemSink(text));
	}

	private static ModelDocument parse(String text, ProblemSink sink) {
		GanModel model;
		BlockNode root = emptySyntax();
		try {
			root = SyntaxParser.parse(text, sink);
			model = new ModelBuilder(sink).build(root);
		} catch (RuntimeException | StackOverflowError e) {
			// a bug of ours must not take the editor down: report it like any problem
			sink.error(0, 0, "internal error while reading the model (please report it): " + e);
			model = GanModel.empty();
		}
		return new ModelDocument(text, sink.problems(), model, root);
	}

	private static BlockNode emptySyntax() {
		return new BlockNode("", 0, null, 0, 0, -1);
	}

	/** At most {@link #MAX_PROBLEMS} problems in file order, then possibly one that counts the rest. */
	public List<Problem> problems() {
		return problems;
	}

	public boolean hasErrors() {
		return problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
	}

	/** The model as far as it could be read; defaults stand in for what is missing or wrong. */
	public GanModel model() {
		return model;
	}

	/**
	 * The syntax tree the model was built from (source ranges of blocks and values, for an editor's
	 * outline and forms), so nothing parses the text twice; its root (keyword "") holds the top-level
	 * blocks, and is empty for a binary file.
	 */
	public BlockNode syntax() {
		return syntax;
	}

	/** The text that was read: for {@link #read(byte[])} the decoded file without its byte order mark. */
	public String source() {
		return source;
	}
}
