package org.ganworkbench.core.projects;

/**
 * What a new model file is made from: a template at an image size, and a dataset.
 *
 * @param template    one of {@code Templates.names()}
 * @param size        image height and width (28, 32, 64)
 * @param channels    1 (grey) or 3 (RGB)
 * @param dataset     where the images come from
 * @param datasetPath the IDX folder or image folder; ignored for synthetic images
 */
public record ModelSpec(String template, int size, int channels, DatasetChoice dataset, String datasetPath) {
}
