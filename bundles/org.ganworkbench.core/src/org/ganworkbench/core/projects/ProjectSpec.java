package org.ganworkbench.core.projects;

import java.net.URI;

/**
 * A new GAN project: its name, where it lives ({@code null}: in the workspace) and its first model.
 */
public record ProjectSpec(String name, URI location, ModelSpec model) {
}
