package org.ganworkbench.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.ganworkbench.model.syntax.BlockNode;
import org.ganworkbench.model.syntax.Lexer;
import org.ganworkbench.model.syntax.Node;
import org.ganworkbench.model.syntax.ProblemSink;
import org.ganworkbench.model.syntax.PropertyNode;
import org.ganworkbench.model.syntax.Snippet;
import org.ganworkbench.model.syntax.SyntaxParser;
import org.ganworkbench.model.syntax.Token;
import org.ganworkbench.model.syntax.TokenKind;
import org.ganworkbench.model.syntax.ValueKind;
import org.ganworkbench.model.syntax.ValueNode;

/**
 * The architecture editor's changes to a network's layers (insert, delete, move, duplicate, rename,
 * set a key), each computed as one text replacement. The source stays the single truth: the editor
 * applies an {@link Edit} as one document replacement, so every change is one undo step, and only the
 * characters the change needs are touched, so comments, blank lines and the user's layout survive. New
 * text is written as {@link ModelFormatter} writes it: a layer on one line, {@code type name { k = v; k2
 * = v2 }} or {@code type name {}}, with the indentation of the line it goes next to and the file's line
 * ends (CRLF stays CRLF, tabs stay tabs).
 * <p>
 * Layers are named as the model names them, so the diagram's names work: an unnamed layer is type +
 * position ("relu2"). A layer that has its lines to itself owns them, and with them the whole-line
 * comments directly above it (no blank line between, as {@code # the example layer} above a layer in
 * the templates): delete removes those comments, move carries them along, duplicate does not copy them
 * (they describe the original). A layer written on a line with other items is edited in place with
 * {@code "; "} between items. Deleting a layer leaves references to it in {@code input}, {@code inputs}
 * and {@code output} alone: the Problems view then names them, rather than an edit silently rewiring the
 * graph.
 * <p>
 * Every method parses with {@link SyntaxParser}, so errors elsewhere in the file do not matter; it
 * throws {@link IllegalArgumentException} with the line for a missing gan block, network or layer (and
 * for an edit that a syntax error next to it would swallow: the text is never made worse), and returns
 * null when nothing would change.
 */
public final class ModelEdits {

	/** One replacement of {@code length} characters at {@code offset}: what IDocument.replace takes. */
	public record Edit(int offset, int length, String text) {

		public Edit {
			if (offset < 0 || length < 0) {
				throw new IllegalArgumentException("bad range: offset " + offset + ", length " + length);
			}
			Objects.requireNonNull(text, "text");
		}

		/** The source with this replacement made. */
		public String applyTo(String source) {
			if (offset + length > source.length()) {
				throw new IllegalArgumentException("the edit ends at " + (offset + length) + ", after the end of the "
						+ source.length() + " characters");
			}
			return source.substring(0, offset) + text + source.substring(offset + length);
		}
	}

	/** The residual and attention blocks of BigGAN and SN-GAN, as the format's layer types write them. */
	public enum BlockKind {
		/** A generator's residual block that doubles the resolution: {@code gblock} with {@code up = true}. */
		RESIDUAL_UP,
		/** A discriminator's residual block that halves the resolution: {@code dblock} with {@code down = true}. */
		RESIDUAL_DOWN,
		/** SAGAN's self-attention, which BigGAN uses in G and D: {@code attention}. */
		SELF_ATTENTION
	}

	/** Names listed in a "no layer" message at most: enough to spot a typo, short for a large network. */
	private static final int LISTED_NAMES = 20;

	private ModelEdits() {
	}

	/**
	 * A new layer of {@code type} next to {@code anchor}: after it or before it (before its comment
	 * lines); with a null anchor, at the end of the network ({@code after}) or as its first layer. The
	 * layer gets the keys it needs to be built, with the values of the templates: {@code units = 128},
	 * {@code filters = 64} (conv 3x3 with padding 1, which keeps the size; deconv 4x4, stride 2, padding 1,
	 * which doubles it), {@code shape = [128, 7, 7]}, {@code factor = 2}, {@code slope = 0.2}, {@code class =
	 * "gan.layers.MyLayer"}, and for add and concat {@code inputs = [p, p]} with p the layer before it;
	 * activations, norms, attention, pooling and projection get none.
	 *
	 * @param name the new layer's name; null for a free one made from the type ("relu1", or the next
	 *            free number, see {@link #uniqueName})
	 * @throws IllegalArgumentException for a missing network or anchor, or a name that is not a simple
	 *             name or is taken
	 */
	public static Edit insertLayer(String source, String network, String anchor, boolean after, LayerType type, String name) {
		Objects.requireNonNull(type, "type");
		Parsed p = parse(source, network);
		int at = insertionIndex(p, anchor, after);
		String layerName = name == null ? uniqueName(p, type.keyword() + "1") : checkNewName(p, name, -1);
		return place(p, anchor, after, layerText(type.keyword(), layerName, newLayerKeys(type, inputBefore(p, at))));
	}

	/**
	 * A residual up block (generator only), residual down block (discriminator only) or self-attention
	 * layer (either) next to {@code anchor}, as {@link #insertLayer}: {@code gblock g3 { filters = 64; up =
	 * true }}, {@code dblock d3 { filters = 64; down = true }}, {@code attention att2 {}}, numbered after
	 * the network's blocks of that kind.
	 *
	 * @throws IllegalArgumentException for a block in the wrong network, a missing network or anchor
	 */
	public static Edit insertBlock(String source, String network, String anchor, boolean after, BlockKind kind) {
		Objects.requireNonNull(kind, "kind");
		Parsed p = parse(source, network);
		insertionIndex(p, anchor, after);
		String text = switch (kind) {
		case RESIDUAL_UP -> {
			if (p.role != NetworkRole.GENERATOR) {
				throw new IllegalArgumentException("a residual up block (gblock, up = true) belongs in the generator, which "
						+ "upsamples with them as in BigGAN and SN-GAN; the discriminator takes residual down blocks");
			}
			yield layerText(LayerType.G_BLOCK.keyword(), uniqueName(p, "g1"), keys("filters", "64", "up", "true"));
		}
		case RESIDUAL_DOWN -> {
			if (p.role != NetworkRole.DISCRIMINATOR) {
				throw new IllegalArgumentException("a residual down block (dblock, down = true) belongs in the discriminator, "
						+ "which downsamples with them as in BigGAN and SN-GAN; the generator takes residual up blocks");
			}
			yield layerText(LayerType.D_BLOCK.keyword(), uniqueName(p, "d1"), keys("filters", "64", "down", "true"));
		}
		case SELF_ATTENTION -> layerText(LayerType.SELF_ATTENTION.keyword(), uniqueName(p, "att1"), keys());
		};
		return place(p, anchor, after, text);
	}

	/** Removes the layer with its whole lines and the comment lines that belong to it (see the class comment). */
	public static Edit deleteLayer(String source, String network, String name) {
		Parsed p = parse(source, network);
		BlockNode layer = p.layer(name);
		Span lines = lines(p, layer);
		if (lines != null) {
			return checked(p, new Edit(lines.start, lines.end - lines.start, ""));
		}
		return checked(p, removeInline(p.source, layer.offset(), layer.end()));
	}

	/**
	 * Swaps the layer with the one before it ({@code direction} -1) or after it (+1), each with its
	 * comment lines; the lines between them stay. Null when the layer is already first or last.
	 */
	public static Edit moveLayer(String source, String network, String name, int direction) {
		if (direction != -1 && direction != 1) {
			throw new IllegalArgumentException("direction must be -1 (up) or +1 (down), got " + direction);
		}
		Parsed p = parse(source, network);
		int index = p.index(name);
		p.layer(name);
		int other = index + direction;
		if (other < 0 || other >= p.layers.size()) {
			return null;
		}
		BlockNode first = p.closed(p.layers.get(Math.min(index, other)));
		BlockNode second = p.closed(p.layers.get(Math.max(index, other)));
		Span a = lines(p, first);
		Span b = lines(p, second);
		if (a == null || b == null) {
			// one of them shares its line: swap the layers' own text only
			a = new Span(first.offset(), first.end());
			b = new Span(second.offset(), second.end());
		}
		String s = p.source;
		String swapped = s.substring(b.start, b.end) + s.substring(a.end, b.start) + s.substring(a.start, a.end);
		return checked(p, new Edit(a.start, b.end - a.start, swapped));
	}

	/** A copy of the layer, keys and layout included, right after it, named by {@link #uniqueName} from its name. */
	public static Edit duplicateLayer(String source, String network, String name) {
		Parsed p = parse(source, network);
		int index = p.index(name);
		BlockNode layer = p.layer(name);
		String copyName = uniqueName(p, p.names.get(index));
		String text = p.source.substring(layer.offset(), layer.end());
		String copy;
		if (layer.name() != null) {
			Node old = layer.nameNode();
			int at = old.offset() - layer.offset();
			copy = text.substring(0, at) + copyName + text.substring(at + old.length());
		} else {
			int at = layer.keyword().length();
			copy = text.substring(0, at) + " " + copyName + text.substring(at);
		}
		// a copy of a layer with a syntax error has that error too
		long copied = p.problems.problems().stream().filter(q -> q.offset() >= layer.offset() && q.offset() < layer.end()).count();
		return checked(p, insertAt(p, layer, true, copy), (int) copied);
	}

	/**
	 * Renames the layer (an unnamed one gets the name) and every reference to it in the network: the
	 * {@code input} and {@code inputs} keys of its layers and the network's {@code output}, as one edit
	 * from the first change to the last. Null when the name does not change.
	 *
	 * @throws IllegalArgumentException when {@code newName} is not a simple name, is the network's input
	 *             (z, x) or a boolean, or another layer of the network has it
	 */
	public static Edit renameLayer(String source, String network, String name, String newName) {
		Objects.requireNonNull(newName, "newName");
		Parsed p = parse(source, network);
		int index = p.index(name);
		BlockNode layer = p.layer(name);
		String old = p.names.get(index);
		if (old.equals(newName)) {
			return null;
		}
		checkNewName(p, newName, index);
		List<Edit> changes = new ArrayList<>();
		if (layer.name() != null) {
			changes.add(new Edit(layer.nameNode().offset(), layer.nameNode().length(), newName));
		} else {
			changes.add(new Edit(layer.offset() + layer.keyword().length(), 0, " " + newName));
		}
		for (PropertyNode property : p.network.properties()) {
			if (property.key().equals("output")) {
				references(property.value(), old, newName, changes);
			}
		}
		for (BlockNode b : p.layers) {
			for (PropertyNode property : b.properties()) {
				if (property.key().equals("input") || property.key().equals("inputs")) {
					references(property.value(), old, newName, changes);
				}
			}
		}
		changes.sort(Comparator.comparingInt(Edit::offset));
		return checked(p, merge(p.source, changes));
	}

	/**
	 * Sets a key of a layer as {@link ModelWriter#set} does: an existing value's range is replaced, a
	 * missing key is added ({@code ; key = value} in a one-line layer, {@code { key = value }} into
	 * {@code {}}, a new line in a layer written over several lines); a null {@code valueText} removes the
	 * key with its separator (its whole line in a layer over several lines), leaving {@code {}} when it
	 * was the only one.
	 *
	 * @param valueText source text of one value ({@code 64}, {@code same}, {@code "a.B"}, {@code [1, 2]}),
	 *            or null to remove the key
	 * @throws IllegalArgumentException when the layer's type has no such key (custom layers take any),
	 *             or {@code valueText} is not one value
	 */
	public static Edit setLayerKey(String source, String network, String layer, String key, String valueText) {
		Objects.requireNonNull(key, "key");
		Parsed p = parse(source, network);
		BlockNode block = p.layer(layer);
		LayerType type = LayerType.fromKeyword(block.keyword());
		if (!NetworkBuilder.isSimpleName(key)) {
			throw new IllegalArgumentException(Snippet.quote(key) + " is not a key: keys are simple names");
		}
		if (type != null && !type.schema().open() && !type.schema().keys().containsKey(key)) {
			throw new IllegalArgumentException(p.at(block) + "a " + type.keyword() + " layer has no key " + Snippet.quote(key)
					+ " (its keys: " + type.schema().keyList() + ")");
		}
		PropertyNode existing = null;
		for (PropertyNode property : block.properties()) {
			if (property.key().equals(key)) {
				existing = property;
				break;
			}
		}
		if (valueText == null) {
			return existing == null ? null : checked(p, removeProperty(p.source, block, existing));
		}
		String value = checkValue(valueText);
		if (existing != null) {
			ValueNode v = existing.value();
			boolean missing = v.length() == 0 && v.offset() > 0 && p.source.charAt(v.offset() - 1) == '=';
			return checked(p, new Edit(v.offset(), v.length(), missing ? " " + value : value));
		}
		String s = p.source;
		if (block.properties().isEmpty() && lineStart(s, block.openBrace()) != lineStart(s, block.closeBrace())) {
			int start = lineStart(s, block.closeBrace());
			if (s.substring(start, block.closeBrace()).isBlank()) {
				return checked(p, new Edit(start, 0, p.inner(indentOf(s, block.offset())) + key + " = " + value + newline(s, start)));
			}
		}
		return checked(p, difference(s, ModelWriter.insert(s, block, key + " = " + value, false)));
	}

	/**
	 * {@code base} when no layer of the network has that name, else the next free name that ends in a
	 * number: "d1" gives "d3" when d1 and d2 exist, "fc" gives "fc2". Names the network's unnamed layers
	 * have, or would have after one more layer is inserted before them, count as taken.
	 *
	 * @throws IllegalArgumentException when {@code base} is not a simple name
	 */
	public static String uniqueName(String source, String network, String base) {
		return uniqueName(parse(source, network), base);
	}

	/**
	 * The keys the properties table offers for a layer type: exactly {@link ModelSchema#keys(LayerType)},
	 * in its order, so the table and the validator have one source of truth.
	 */
	public static List<KeySpec> editableKeys(LayerType type) {
		return ModelSchema.keys(type);
	}

	/**
	 * The keys a new layer is written with: the required ones (without them it cannot be built) and
	 * those that say what the layer does, with the values of the templates. {@code input} is the layer
	 * the new one follows: a new add or concat takes it twice, so it builds until the user points one
	 * input elsewhere.
	 */
	static Map<String, String> newLayerKeys(LayerType type, String input) {
		return switch (type) {
		case DENSE -> keys("units", "128");
		case RESHAPE -> keys("shape", "[128, 7, 7]");
		// 3x3 with padding 1 keeps the size (SN-GAN, BigGAN); 4x4 stride 2 doubles it (DCGAN)
		case CONV -> keys("filters", "64", "kernel", "3", "padding", "1");
		case DECONV -> keys("filters", "64", "kernel", "4", "stride", "2", "padding", "1");
		case UPSAMPLE, DOWNSAMPLE -> keys("factor", "2");
		case LEAKY_RELU -> keys("slope", Numbers.format(Defaults.LEAKY_SLOPE));
		case G_BLOCK, D_BLOCK -> keys("filters", "64");
		case ADD, CONCAT -> keys("inputs", "[" + input + ", " + input + "]");
		case CUSTOM -> keys("class", "\"gan.layers.MyLayer\"");
		case FLATTEN, BATCH_NORM, CONDITIONAL_BATCH_NORM, LAYER_NORM, RELU, TANH, SIGMOID, IDENTITY, SELF_ATTENTION,
				MINIBATCH_STDDEV, GLOBAL_POOL, PROJECTION -> keys();
		};
	}

	private static Map<String, String> keys(String... keysAndValues) {
		Map<String, String> keys = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			keys.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return keys;
	}

	/** A layer as the formatter writes it on one line. */
	private static String layerText(String keyword, String name, Map<String, String> keys) {
		if (keys.isEmpty()) {
			return keyword + " " + name + " {}";
		}
		StringBuilder text = new StringBuilder(keyword).append(' ').append(name).append(" {");
		String separator = " ";
		for (Map.Entry<String, String> e : keys.entrySet()) {
			text.append(separator).append(e.getKey()).append(" = ").append(e.getValue());
			separator = "; ";
		}
		return text.append(" }").toString();
	}

	// --- placing and removing text

	private static Edit place(Parsed p, String anchor, boolean after, String text) {
		if (anchor != null) {
			return checked(p, insertAt(p, p.layer(anchor), after, text));
		}
		if (p.layers.isEmpty()) {
			return checked(p, intoEmptyNetwork(p, text));
		}
		BlockNode reference = p.closed(p.layers.get(after ? p.layers.size() - 1 : 0));
		return checked(p, insertAt(p, reference, after, text));
	}

	/** The index in the network's blocks a new layer gets; checks the anchor. */
	private static int insertionIndex(Parsed p, String anchor, boolean after) {
		if (anchor == null) {
			return after ? p.layers.size() : 0;
		}
		return p.index(anchor) + (after ? 1 : 0);
	}

	/** The layer a new layer at {@code index} takes as its input: the nearest layer before it, else the network's input. */
	private static String inputBefore(Parsed p, int index) {
		for (int i = index - 1; i >= 0; i--) {
			if (p.declared[i]) {
				return p.names.get(i);
			}
		}
		return p.role.inputName();
	}

	/** A line of its own after (or before) the reference's lines, or "; text" next to it on its line. */
	private static Edit insertAt(Parsed p, BlockNode reference, boolean after, String text) {
		Span lines = lines(p, reference);
		if (lines != null) {
			String line = indentOf(p.source, reference.offset()) + text + newline(p.source, reference.offset());
			return new Edit(after ? lines.end : lines.start, 0, line);
		}
		return after ? new Edit(reference.end(), 0, "; " + text) : new Edit(reference.offset(), 0, text + "; ");
	}

	/** The first layer of a network: after its settings, or inside its braces. */
	private static Edit intoEmptyNetwork(Parsed p, String text) {
		BlockNode network = p.network;
		String s = p.source;
		List<Node> children = network.children();
		Node last = children.isEmpty() ? null : children.get(children.size() - 1);
		if (lineStart(s, network.openBrace()) == lineStart(s, network.closeBrace())) {
			return last == null ? span(network.openBrace() + 1, network.closeBrace(), " " + text + " ")
					: new Edit(last.end(), 0, "; " + text);
		}
		if (last != null) {
			if (ownsLine(s, last)) {
				return new Edit(nextLineStart(s, last.end()), 0, indentOf(s, last.offset()) + text + newline(s, last.offset()));
			}
			return new Edit(last.end(), 0, "; " + text);
		}
		int start = lineStart(s, network.closeBrace());
		if (s.substring(start, network.closeBrace()).isBlank()) {
			return new Edit(start, 0, p.inner(indentOf(s, network.offset())) + text + newline(s, start));
		}
		return new Edit(network.closeBrace(), 0, text + " ");
	}

	/** Removes an item that shares its line, with one "; " next to it, or the blanks after it. */
	private static Edit removeInline(String s, int start, int end) {
		int after = skipBlanks(s, end);
		if (after < s.length() && s.charAt(after) == ';') {
			return span(start, skipBlanks(s, after + 1), "");
		}
		int before = start;
		while (before > 0 && (s.charAt(before - 1) == ' ' || s.charAt(before - 1) == '\t')) {
			before--;
		}
		if (before > 0 && s.charAt(before - 1) == ';') {
			return span(before - 1, end, "");
		}
		if (after < s.length() && s.charAt(after) != '\n' && s.charAt(after) != '\r') {
			return span(start, after, "");
		}
		return span(before, end, "");
	}

	private static Edit removeProperty(String s, BlockNode block, PropertyNode property) {
		boolean oneLine = lineStart(s, block.openBrace()) == lineStart(s, block.closeBrace());
		if (oneLine && block.children().size() == 1) {
			return span(block.openBrace() + 1, block.closeBrace(), "");
		}
		if (!oneLine && ownsLine(s, property)) {
			int start = lineStart(s, property.offset());
			return span(start, nextLineStart(s, property.end()), "");
		}
		return removeInline(s, property.offset(), property.end());
	}

	private static void references(ValueNode value, String old, String newName, List<Edit> changes) {
		if (value.kind() == ValueKind.NAME && value.text().equals(old)) {
			changes.add(new Edit(value.offset(), value.length(), newName));
		} else if (value.kind() == ValueKind.LIST) {
			for (ValueNode item : value.items()) {
				references(item, old, newName, changes);
			}
		}
	}

	/** Non-overlapping replacements, in order, as one edit from the first to the end of the last. */
	private static Edit merge(String s, List<Edit> changes) {
		int start = changes.get(0).offset();
		StringBuilder text = new StringBuilder();
		int at = start;
		for (Edit change : changes) {
			text.append(s, at, change.offset()).append(change.text());
			at = change.offset() + change.length();
		}
		return span(start, at, text.toString());
	}

	/** The one replacement that turns {@code before} into {@code after}. */
	private static Edit difference(String before, String after) {
		int prefix = 0;
		int max = Math.min(before.length(), after.length());
		while (prefix < max && before.charAt(prefix) == after.charAt(prefix)) {
			prefix++;
		}
		int suffix = 0;
		while (suffix < max - prefix && before.charAt(before.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
			suffix++;
		}
		return new Edit(prefix, before.length() - prefix - suffix, after.substring(prefix, after.length() - suffix));
	}

	/**
	 * Null for an edit that changes nothing. A safety net for the promise never to corrupt the text: an
	 * edit after which the file has more syntax problems than before is refused, as the user's to fix
	 * when the file had syntax errors already (an IllegalArgumentException), else as a bug here (an
	 * IllegalStateException).
	 */
	private static Edit checked(Parsed p, Edit edit) {
		return checked(p, edit, 0);
	}

	/** As {@link #checked(Parsed, Edit)}, allowing {@code copied} more problems: those of text the edit copies. */
	private static Edit checked(Parsed p, Edit edit, int copied) {
		String changed = edit.applyTo(p.source);
		if (changed.equals(p.source)) {
			return null;
		}
		ProblemSink problems = new ProblemSink(changed);
		SyntaxParser.parse(changed, problems);
		if (problems.problems().size() > p.problems.problems().size() + copied) {
			if (!p.problems.isEmpty()) {
				// a half-written value or block next to the edit reads differently with the new text
				throw new IllegalArgumentException("line " + p.problems.lineOf(edit.offset()) + ": the syntax errors of the file (the first on line "
						+ p.problems.problems().get(0).line() + ") are in the way of this edit: fix them first");
			}
			throw new IllegalStateException("internal error: the edit " + edit + " would break the file's syntax (please report it)");
		}
		return edit;
	}

	// --- names and values

	private static String uniqueName(Parsed p, String base) {
		if (base == null || !NetworkBuilder.isSimpleName(base)) {
			throw new IllegalArgumentException(Snippet.quote(String.valueOf(base)) + " is not a simple name");
		}
		Set<String> taken = p.taken();
		if (!taken.contains(base)) {
			return base;
		}
		int digits = base.length();
		while (digits > 0 && base.charAt(digits - 1) >= '0' && base.charAt(digits - 1) <= '9') {
			digits--;
		}
		String stem = base.substring(0, digits);
		long n = digits < base.length() && base.length() - digits <= 9 ? Long.parseLong(base.substring(digits)) + 1 : 2;
		while (taken.contains(stem + n)) {
			n++;
		}
		return stem + n;
	}

	/** The name, when it can name a new layer (or layer {@code self}); else a clear exception. */
	private static String checkNewName(Parsed p, String name, int self) {
		if (!NetworkBuilder.isSimpleName(name)) {
			throw new IllegalArgumentException(Snippet.quote(name)
					+ " is not a layer name: use letters, digits and _, and do not start with a digit");
		}
		if (name.equals(p.role.inputName())) {
			throw new IllegalArgumentException(Snippet.quote(name) + " is the " + p.role.keyword() + "'s input and cannot name a layer");
		}
		if (name.equals("true") || name.equals("false")) {
			throw new IllegalArgumentException(Snippet.quote(name) + " is a boolean and cannot name a layer");
		}
		for (int i = 0; i < p.layers.size(); i++) {
			if (i != self && name.equals(p.names.get(i))) {
				throw new IllegalArgumentException(p.at(p.layers.get(i)) + "the " + p.role.keyword() + " already has a layer "
						+ Snippet.quote(name));
			}
		}
		return name;
	}

	/** The value text stripped, when it is exactly one value on one line. */
	private static String checkValue(String valueText) {
		String value = valueText.strip();
		if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
			throw new IllegalArgumentException("a value is written on one line, got " + Snippet.quote(value));
		}
		String probe = "k = " + value;
		ProblemSink problems = new ProblemSink(probe);
		BlockNode root = SyntaxParser.parse(probe, problems);
		boolean one = problems.isEmpty() && root.children().size() == 1 && root.children().get(0) instanceof PropertyNode property
				&& property.value().kind() != ValueKind.INVALID && property.value().end() == probe.length();
		if (!one) {
			throw new IllegalArgumentException(Snippet.quote(value)
					+ " is not one value: write a number, a \"string\", true or false, a name or a [list]");
		}
		return value;
	}

	// --- the network as parsed

	private record Span(int start, int end) {
	}

	private static Parsed parse(String source, String network) {
		Objects.requireNonNull(source, "source");
		NetworkRole role;
		if (NetworkRole.GENERATOR.keyword().equals(network)) {
			role = NetworkRole.GENERATOR;
		} else if (NetworkRole.DISCRIMINATOR.keyword().equals(network)) {
			role = NetworkRole.DISCRIMINATOR;
		} else {
			throw new IllegalArgumentException("the network is 'generator' or 'discriminator', not "
					+ Snippet.quote(String.valueOf(network)));
		}
		ProblemSink problems = new ProblemSink(source);
		BlockNode root = SyntaxParser.parse(source, problems);
		BlockNode gan = root.blocks().stream().filter(b -> b.keyword().equals("gan")).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("the source has no 'gan { ... }' block"));
		BlockNode block = gan.blocks().stream().filter(b -> b.keyword().equals(network)).findFirst().orElseThrow(
				() -> new IllegalArgumentException("line " + problems.lineOf(gan.offset()) + ": the gan block has no '" + network
						+ " { ... }' block"));
		if (block.closeBrace() < 0) {
			throw new IllegalArgumentException("line " + problems.lineOf(block.offset()) + ": the " + network
					+ " block is not closed: add '}' before editing its layers");
		}
		return new Parsed(source, problems, role, block);
	}

	/** A network block with its layers named as {@link NetworkBuilder} names them. */
	private static final class Parsed {

		final String source;
		final ProblemSink problems;
		final NetworkRole role;
		final BlockNode network;
		final List<BlockNode> layers;
		/** Per block: its name, or the name the model gives an unnamed layer; null for an unnamed block of an unknown type. */
		final List<String> names = new ArrayList<>();
		/** Per block: whether the model reads it as a layer (a known type, the first of its name). */
		final boolean[] declared;
		/** The names unnamed layers get after one more layer is inserted before them. */
		final Set<String> shiftedAutoNames = new HashSet<>();
		private List<Token> tokens;

		Parsed(String source, ProblemSink problems, NetworkRole role, BlockNode network) {
			this.source = source;
			this.problems = problems;
			this.role = role;
			this.network = network;
			this.layers = network.blocks();
			this.declared = new boolean[layers.size()];
			Set<String> byName = new HashSet<>();
			int count = 0;
			for (int i = 0; i < layers.size(); i++) {
				BlockNode block = layers.get(i);
				LayerType type = LayerType.fromKeyword(block.keyword());
				String name = block.name();
				if (type != null) {
					if (name == null) {
						name = NetworkBuilder.autoName(type, count + 1, byName::contains);
						shiftedAutoNames.add(type.keyword() + (count + 2));
					}
					if (byName.add(name)) {
						declared[i] = true;
						count++;
					}
				}
				names.add(name);
			}
		}

		/** The block's index: the layer the model reads by that name, else a block written with it. */
		int index(String name) {
			Objects.requireNonNull(name, "layer name");
			for (int i = 0; i < layers.size(); i++) {
				if (declared[i] && name.equals(names.get(i))) {
					return i;
				}
			}
			for (int i = 0; i < layers.size(); i++) {
				if (name.equals(names.get(i))) {
					return i;
				}
			}
			throw new IllegalArgumentException(at(network) + "the " + role.keyword() + " has no layer " + Snippet.quote(name)
					+ " (" + listing() + ")");
		}

		BlockNode layer(String name) {
			return closed(layers.get(index(name)));
		}

		BlockNode closed(BlockNode layer) {
			if (layer.closeBrace() < 0) {
				throw new IllegalArgumentException(at(layer) + "the layer is not closed: add '}' before editing it");
			}
			return layer;
		}

		private String listing() {
			List<String> shown = new ArrayList<>();
			int total = 0;
			for (int i = 0; i < layers.size(); i++) {
				if (declared[i] && total++ < LISTED_NAMES) {
					shown.add(names.get(i));
				}
			}
			if (shown.isEmpty()) {
				return "it has no layers";
			}
			return "its layers: " + String.join(", ", shown) + (total > shown.size() ? ", ... (" + total + " in all)" : "");
		}

		Set<String> taken() {
			Set<String> taken = new HashSet<>(shiftedAutoNames);
			for (String name : names) {
				if (name != null) {
					taken.add(name);
				}
			}
			taken.add(role.inputName());
			taken.add("true");
			taken.add("false");
			return taken;
		}

		/** "line 12: ", where a message about the node points. */
		String at(Node node) {
			return "line " + problems.lineOf(node.offset()) + ": ";
		}

		/** The indentation one level inside a block indented by {@code outer}, in the file's style. */
		String inner(String outer) {
			String unit = indentOf(source, network.offset());
			return outer + (outer.contains("\t") || unit.isEmpty() || unit.contains("\t") ? "\t" : unit);
		}

		List<Token> tokens() {
			if (tokens == null) {
				tokens = new Lexer(source, new ProblemSink(source)).tokens();
			}
			return tokens;
		}
	}

	/**
	 * The layer's lines, from the comment lines directly above it to the start of the line after it, or
	 * null when it shares a line with another item.
	 */
	private static Span lines(Parsed p, BlockNode layer) {
		String s = p.source;
		if (!ownsLine(s, layer)) {
			return null;
		}
		int start = lineStart(s, layer.offset());
		List<Token> tokens = p.tokens();
		int low = 0;
		int high = tokens.size() - 1;
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (tokens.get(mid).offset() < layer.offset()) {
				low = mid + 1;
			} else {
				high = mid;
			}
		}
		int line = tokens.get(low).line();
		for (int j = low - 1; j >= 0; j--) {
			Token t = tokens.get(j);
			boolean wholeLine = j == 0 || tokens.get(j - 1).line() < t.line();
			if (!t.is(TokenKind.COMMENT) || t.line() != line - 1 || !wholeLine) {
				break;
			}
			line = t.line();
			start = lineStart(s, t.offset());
		}
		return new Span(start, nextLineStart(s, layer.end()));
	}

	/** Whether nothing but blanks precedes the node on its first line and only separators or a comment follow it. */
	private static boolean ownsLine(String s, Node node) {
		if (!s.substring(lineStart(s, node.offset()), node.offset()).isBlank()) {
			return false;
		}
		String rest = s.substring(node.end(), lineEnd(s, node.end())).strip();
		while (rest.startsWith(";")) {
			rest = rest.substring(1).strip();
		}
		return rest.isEmpty() || rest.startsWith("#");
	}

	private static Edit span(int start, int end, String text) {
		return new Edit(start, end - start, text);
	}

	private static int skipBlanks(String s, int offset) {
		int i = offset;
		while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
			i++;
		}
		return i;
	}

	private static int lineStart(String s, int offset) {
		int i = offset;
		while (i > 0 && s.charAt(i - 1) != '\n') {
			i--;
		}
		return i;
	}

	/** The offset of the line break (or end of text) after {@code offset}, before any '\r'. */
	private static int lineEnd(String s, int offset) {
		int i = s.indexOf('\n', offset);
		if (i < 0) {
			return s.length();
		}
		return i > offset && s.charAt(i - 1) == '\r' ? i - 1 : i;
	}

	/** The start of the line after the one holding {@code offset}, or the end of the text. */
	private static int nextLineStart(String s, int offset) {
		int i = s.indexOf('\n', offset);
		return i < 0 ? s.length() : i + 1;
	}

	/** The line break of the line holding {@code offset}; the file's own for a last line without one. */
	private static String newline(String s, int offset) {
		int i = s.indexOf('\n', offset);
		if (i < 0) {
			return s.contains("\r\n") ? "\r\n" : "\n";
		}
		return i > 0 && s.charAt(i - 1) == '\r' ? "\r\n" : "\n";
	}

	private static String indentOf(String s, int offset) {
		int start = lineStart(s, offset);
		int i = start;
		while (i < offset && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
			i++;
		}
		return s.substring(start, i);
	}
}
