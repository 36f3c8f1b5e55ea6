package org.ganworkbench.model;

/** Which of the two networks. */
public enum NetworkRole {
	GENERATOR("generator", "z"), DISCRIMINATOR("discriminator", "x");

	private final String keyword;
	private final String inputName;

	NetworkRole(String keyword, String inputName) {
		this.keyword = keyword;
		this.inputName = inputName;
	}

	public String keyword() {
		return keyword;
	}

	/** The name by which layers refer to the network's input: the latent z or the image x. */
	public String inputName() {
		return inputName;
	}
}
