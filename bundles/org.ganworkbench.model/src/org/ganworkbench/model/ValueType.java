package org.ganworkbench.model;

/** The type a key expects; drives validation and the messages about wrong types. */
public enum ValueType {
	INTEGER("an integer"), NUMBER("a number"), BOOLEAN("true or false"), STRING("a string in double quotes"),
	CHOICE("one of"), INTEGER_LIST("a list of integers"), NAME("a layer name"), NAME_LIST("a list of layer names"),
	CHOICE_LIST("a list of"), INTEGER_OR_CHOICE("an integer or"),
	/** Custom layers pass their own keys through unchecked. */
	ANY("any value");

	final String expected;

	ValueType(String expected) {
		this.expected = expected;
	}
}
