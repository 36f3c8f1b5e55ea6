package org.ganworkbench.core.runs.history;

import java.nio.file.Path;

/** A sample grid the trainer wrote: its step, the truncation of its latents and its PNG file. */
public record SampleEntry(long step, double truncation, Path file) {
}
