package org.ganworkbench.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.ganworkbench.model.ModelDocument;
import org.ganworkbench.model.syntax.Problem;
import org.ganworkbench.model.syntax.Severity;

/** Small valid models and assertion helpers shared by the tests. */
final class Sources {

	private Sources() {
	}

	/** A valid model: lines 1-13, generator layers on lines 5-7, discriminator layers on 10-11. */
	static final String SMALL = """
			gan "t" {
			  latent { size = 16 }
			  data { image = [1, 8, 8] }
			  generator {
			    dense fc { units = 64 }
			    reshape r { shape = [1, 8, 8] }
			    tanh out {}
			  }
			  discriminator {
			    conv c { filters = 4; kernel = 3; padding = 1 }
			    dense out { units = 1 }
			  }
			}
			""";

	/** SMALL with one text replaced, asserting the replaced text exists. */
	static String small(String from, String to) {
		if (!SMALL.contains(from)) {
			throw new IllegalArgumentException(from);
		}
		return SMALL.replace(from, to);
	}

	static List<String> errors(String source) {
		return ModelDocument.parse(source).problems().stream().filter(p -> p.severity() == Severity.ERROR)
				.map(Problem::toString).toList();
	}

	static List<String> warnings(String source) {
		return ModelDocument.parse(source).problems().stream().filter(p -> p.severity() == Severity.WARNING)
				.map(Problem::toString).toList();
	}

	static void assertErrors(String source, String... expected) {
		assertEquals(List.of(expected), errors(source), source);
	}

	static void assertClean(String source) {
		assertEquals(List.of(), ModelDocument.parse(source).problems(), source);
	}
}
