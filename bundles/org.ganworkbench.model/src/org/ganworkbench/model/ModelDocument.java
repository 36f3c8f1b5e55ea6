package org.ganworkbench.model;

import java.util.List;

import org.ganworkbench.model.syntax.BlockNode;
import org.ganworkbench.model.syntax.ProblemSink;
import org.ganworkbench.model.syntax.SyntaxParser;

/**
 * A parsed, validated and inferred model file: the one entry point for the editor, the builder and
 * the trainer. {@link #parse(String)} never throws; everything wrong is a {@link Problem}.
 */
public final class ModelDocument {

	private final String source;
	private final List<Problem> problems;
	private final GanModel model;

	private ModelDocument(String source, List<Problem> problems, GanModel model) {
		this.source = source;
		this.problems = List.copyOf(problems);
		this.model = model;
	}

	public static ModelDocument parse(String source) {
		String text = source == null ? "" : source;
		ProblemSink sink = new ProblemSink(text);
		GanModel model;
		try {
			BlockNode root = SyntaxParser.parse(text, sink);
			model = new ModelBuilder(sink).build(root);
		} catch (RuntimeException | StackOverflowError e) {
			// a bug of ours must not take the editor down: report it like any problem
			sink.error(0, 0, "internal error while reading the model (please report it): " + e);
			model = GanModel.empty();
		}
		List<Problem> sorted = sink.problems().stream()
				.sorted((a, b) -> a.offset() != b.offset() ? Integer.compare(a.offset(), b.offset()) : 0).toList();
		return new ModelDocument(text, sorted, model);
	}

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

	public String source() {
		return source;
	}
}
