package org.ganworkbench.ui.internal.editor;

/** How a training-form field is edited and checked. */
enum SettingKind {
	/** A whole number in a closed range. */
	INTEGER,
	/** A decimal number; the range ends may be open. */
	NUMBER,
	/** One of a fixed set of bare names. */
	CHOICE,
	/** true or false. */
	BOOLEAN,
	/** A list of bare names out of a fixed set, e.g. the augmentation policy. */
	CHOICE_LIST
}
