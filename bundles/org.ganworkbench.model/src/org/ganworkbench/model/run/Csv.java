package org.ganworkbench.model.run;

import java.util.List;
import java.util.stream.Collectors;

/** Comparison tables as CSV (RFC 4180), for {@code compare --format csv} and the Runs view's export. */
public final class Csv {

	private Csv() {
	}

	/** One line of fields, without the line break. */
	public static String line(List<String> fields) {
		return fields.stream().map(Csv::field).collect(Collectors.joining(","));
	}

	/** Quoted when it holds a comma, a quote or a line break; quotes doubled. */
	public static String field(String text) {
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}
}
