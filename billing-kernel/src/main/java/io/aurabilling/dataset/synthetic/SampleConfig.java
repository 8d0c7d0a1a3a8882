package io.aurabilling.dataset.synthetic;

import java.nio.file.Path;
import java.util.List;

/** Placeholder, replaced below. */
public final class SampleConfig {
    private SampleConfig() {
    }

    /**
     * @param file f
     * @param obs o
     */
    public static void write(Path file, List<String> obs) {
    }
}
