package io.aurabilling.dataset;

/**
 * How {@link AuraDatasets#read} reads.
 *
 * @param threads decoding threads (at least 1); the aggregate does not depend on it
 * @param skipBadFiles when true, a corrupt or unreadable file is skipped and reported in
 *                     {@link DatasetRead#skipped()} instead of failing the read; each file is then
 *                     decoded completely before any of its rows is applied, so memory grows with the
 *                     largest file
 */
public record ReadOptions(int threads, boolean skipBadFiles) {

    /** Validates the components. */
    public ReadOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
    }

    /** @return one thread per available processor, failing on bad files */
    public static ReadOptions defaults() {
        return new ReadOptions(Runtime.getRuntime().availableProcessors(), false);
    }

    /**
     * @param count decoding threads
     * @return a copy with that thread count
     */
    public ReadOptions withThreads(int count) {
        return new ReadOptions(count, skipBadFiles);
    }

    /**
     * @param skip whether to skip bad files
     * @return a copy with that choice
     */
    public ReadOptions withSkipBadFiles(boolean skip) {
        return new ReadOptions(threads, skip);
    }
}
