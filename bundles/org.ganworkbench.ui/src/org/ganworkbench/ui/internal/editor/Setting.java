package org.ganworkbench.ui.internal.editor;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.osgi.util.NLS;
import org.ganworkbench.model.KeySpec;
import org.ganworkbench.model.Keyword;

/**
 * One setting of the Training page: its path in the model file, how it is edited, its valid range and
 * its default (with the paper or choice it comes from, shown as a hint).
 *
 * @param defaultText the default as source text, empty when there is none
 */
record Setting(String section, String path, SettingKind kind, double min, double max, boolean minOpen, boolean maxOpen,
		List<String> choices, String defaultText) {

	private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9][0-9_]*"); //$NON-NLS-1$
	private static final Pattern NUMBER = Pattern
			.compile("[+-]?([0-9][0-9_]*(\\.[0-9_]*)?|\\.[0-9][0-9_]*)([eE][+-]?[0-9]+)?"); //$NON-NLS-1$

	/**
	 * The setting of a key as the model schema declares it (type, range, choices); the default is the
	 * value the trainer uses when the key is absent, or null when there is none.
	 */
	static Setting of(String section, String path, KeySpec spec, Object defaultValue) {
		return switch (spec.type()) {
		case INTEGER -> integer(section, path, (long) spec.min(), (long) spec.max(), ((Number) defaultValue).longValue());
		case NUMBER -> number(section, path, spec.min(), spec.max(), spec.minExclusive(), spec.maxExclusive(),
				defaultValue == null ? null : ((Number) defaultValue).doubleValue());
		case BOOLEAN -> bool(section, path, (Boolean) defaultValue);
		case CHOICE -> choice(section, path, spec.choices(), ((Keyword) defaultValue).keyword());
		case CHOICE_LIST -> choiceList(section, path, spec.choices());
		default -> throw new IllegalArgumentException(path + ": no form field for " + spec.type());
		};
	}

	static Setting integer(String section, String path, long min, long max, long defaultValue) {
		return new Setting(section, path, SettingKind.INTEGER, min, max, false, false, List.of(), Long.toString(defaultValue));
	}

	static Setting number(String section, String path, double min, double max, boolean minOpen, boolean maxOpen,
			Double defaultValue) {
		return new Setting(section, path, SettingKind.NUMBER, min, max, minOpen, maxOpen, List.of(),
				defaultValue == null ? "" : plain(defaultValue)); //$NON-NLS-1$
	}

	static Setting choice(String section, String path, List<String> choices, String defaultValue) {
		return new Setting(section, path, SettingKind.CHOICE, 0, 0, false, false, choices, defaultValue);
	}

	static Setting bool(String section, String path, boolean defaultValue) {
		return new Setting(section, path, SettingKind.BOOLEAN, 0, 0, false, false, List.of("true", "false"), //$NON-NLS-1$ //$NON-NLS-2$
				Boolean.toString(defaultValue));
	}

	static Setting choiceList(String section, String path, List<String> choices) {
		return new Setting(section, path, SettingKind.CHOICE_LIST, 0, 0, false, false, choices, "[]"); //$NON-NLS-1$
	}

	/** A number as source text without exponent or trailing zeros: 5e-5 as 0.00005. */
	static String plain(double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

	/** The key: the last path segment. */
	String key() {
		return path.substring(path.lastIndexOf('.') + 1);
	}

	/** Why typed text is not a valid value of this setting, or null when it is. */
	String check(String text) {
		String value = text.strip();
		switch (kind) {
		case INTEGER:
			if (!INTEGER.matcher(value).matches()) {
				return NLS.bind(Messages.Setting_notInteger, value);
			}
			return range(Double.parseDouble(value.replace("_", ""))); //$NON-NLS-1$ //$NON-NLS-2$
		case NUMBER:
			if (!NUMBER.matcher(value).matches()) {
				return NLS.bind(Messages.Setting_notNumber, value);
			}
			return range(Double.parseDouble(value.replace("_", ""))); //$NON-NLS-1$ //$NON-NLS-2$
		default:
			return choices.contains(value) || kind == SettingKind.CHOICE_LIST ? null
					: NLS.bind(Messages.Setting_notChoice, value, String.join(", ", choices)); //$NON-NLS-1$
		}
	}

	private String range(double v) {
		boolean above = minOpen ? v > min : v >= min;
		boolean below = maxOpen ? v < max : v <= max;
		if (above && below) {
			return null;
		}
		return NLS.bind(Messages.Setting_outOfRange, rangeText());
	}

	String rangeText() {
		String low = kind == SettingKind.INTEGER ? Long.toString((long) min) : plain(min);
		String high = kind == SettingKind.INTEGER ? Long.toString((long) max) : plain(max);
		return (minOpen ? "(" : "[") + low + ", " + high + (maxOpen ? ")" : "]"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
	}
}
