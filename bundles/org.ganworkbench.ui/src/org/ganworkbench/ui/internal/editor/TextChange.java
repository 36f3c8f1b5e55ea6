package org.ganworkbench.ui.internal.editor;

/** The smallest single replacement turning one text into another: common prefix and suffix kept. */
record TextChange(int offset, int length, String text) {

	/** The replacement, or null when the texts are equal. */
	static TextChange between(String before, String after) {
		if (before.equals(after)) {
			return null;
		}
		int prefix = 0;
		int max = Math.min(before.length(), after.length());
		while (prefix < max && before.charAt(prefix) == after.charAt(prefix)) {
			prefix++;
		}
		int suffix = 0;
		while (suffix < max - prefix
				&& before.charAt(before.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
			suffix++;
		}
		return new TextChange(prefix, before.length() - prefix - suffix, after.substring(prefix, after.length() - suffix));
	}
}
