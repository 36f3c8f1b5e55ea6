package org.ganworkbench.model;

import java.util.List;

/**
 * One allowed key of a block: its type and the range or choices of its values ({@link ModelSchema}
 * lists them). {@code min}/{@code max} bound numbers (open at an end where {@code minExclusive} or
 * {@code maxExclusive}); {@code choices} are the words a choice accepts; {@code listLength} is the
 * length an integer list must have (0: 1 to 3).
 */
public record KeySpec(String key, ValueType type, double min, double max, boolean minExclusive, boolean maxExclusive,
		List<String> choices, int listLength) {

	static KeySpec integer(String key, long min, long max) {
		return new KeySpec(key, ValueType.INTEGER, min, max, false, false, List.of(), 0);
	}

	static KeySpec number(String key, double min, double max) {
		return new KeySpec(key, ValueType.NUMBER, min, max, false, false, List.of(), 0);
	}

	/** A number in (min, max]; learning rates and the like must not be zero. */
	static KeySpec positive(String key, double max) {
		return new KeySpec(key, ValueType.NUMBER, 0, max, true, false, List.of(), 0);
	}

	/** A number in [0, 1), as Adam betas and EMA decay. */
	static KeySpec fraction(String key) {
		return new KeySpec(key, ValueType.NUMBER, 0, 1, false, true, List.of(), 0);
	}

	static KeySpec bool(String key) {
		return new KeySpec(key, ValueType.BOOLEAN, 0, 0, false, false, List.of(), 0);
	}

	static KeySpec string(String key) {
		return new KeySpec(key, ValueType.STRING, 0, 0, false, false, List.of(), 0);
	}

	static KeySpec choice(String key, String... choices) {
		return new KeySpec(key, ValueType.CHOICE, 0, 0, false, false, List.of(choices), 0);
	}

	static KeySpec choiceList(String key, String... choices) {
		return new KeySpec(key, ValueType.CHOICE_LIST, 0, 0, false, false, List.of(choices), 0);
	}

	/** A list of whole numbers from {@code min}, of any length from 1. */
	static KeySpec integers(String key, long min) {
		return new KeySpec(key, ValueType.INTEGER_LIST, min, Long.MAX_VALUE, false, false, List.of(), -1);
	}

	/** A list of positive integers; {@code length} 0 means any length of 1 to 3. */
	static KeySpec intList(String key, int length) {
		return new KeySpec(key, ValueType.INTEGER_LIST, 1, Integer.MAX_VALUE, false, false, List.of(), length);
	}

	static KeySpec intOrChoice(String key, long min, long max, String... choices) {
		return new KeySpec(key, ValueType.INTEGER_OR_CHOICE, min, max, false, false, List.of(choices), 0);
	}

	static KeySpec name(String key) {
		return new KeySpec(key, ValueType.NAME, 0, 0, false, false, List.of(), 0);
	}

	static KeySpec nameList(String key) {
		return new KeySpec(key, ValueType.NAME_LIST, 0, 0, false, false, List.of(), 0);
	}

	static KeySpec any(String key) {
		return new KeySpec(key, ValueType.ANY, 0, 0, false, false, List.of(), 0);
	}

	String rangeText() {
		return (minExclusive ? "(" : "[") + Numbers.format(min) + ", " + Numbers.format(max) + (maxExclusive ? ")" : "]");
	}

	boolean inRange(double v) {
		return (minExclusive ? v > min : v >= min) && (maxExclusive ? v < max : v <= max);
	}
}
