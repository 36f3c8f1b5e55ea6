package org.ganworkbench.ui.internal.editor;

import org.eclipse.jface.resource.ColorDescriptor;
import org.eclipse.jface.resource.ResourceManager;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;

/** The text attributes of the source page, made from colours of a resource manager the editor owns. */
final class SyntaxColors {

	final TextAttribute keyword;
	final TextAttribute name;
	final TextAttribute key;
	final TextAttribute constant;
	final TextAttribute string;
	final TextAttribute number;
	final TextAttribute comment;
	final TextAttribute plain = new TextAttribute(null);

	SyntaxColors(ResourceManager resources) {
		keyword = new TextAttribute(color(resources, new RGB(127, 0, 85)), null, SWT.BOLD);
		name = new TextAttribute(color(resources, new RGB(0, 0, 192)), null, SWT.BOLD);
		key = new TextAttribute(color(resources, new RGB(0, 80, 120)));
		constant = new TextAttribute(color(resources, new RGB(127, 0, 85)), null, SWT.ITALIC);
		string = new TextAttribute(color(resources, new RGB(42, 0, 255)));
		number = new TextAttribute(color(resources, new RGB(150, 80, 0)));
		comment = new TextAttribute(color(resources, new RGB(63, 127, 95)), null, SWT.ITALIC);
	}

	private static Color color(ResourceManager resources, RGB rgb) {
		return resources.create(ColorDescriptor.createFrom(rgb));
	}
}
