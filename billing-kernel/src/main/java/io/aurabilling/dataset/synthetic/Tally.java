package io.aurabilling.dataset.synthetic;

/** Counts of what a day (or the whole month) wrote, merged in day order. */
final class Tally {
    final long[] rowsByOb;
    final long[] billableRowsByOb;
    final long[] billableRequestsByOb;
    long duplicates;
    long badTimestamps;
    long outOfPeriod;
    long nullApps;
    long nullChannels;
    long unknownApps;
    long unknownComponents;

    /**
     * Creates an empty tally.
     *
     * @param obs number of OBs
     */
    Tally(int obs) {
        rowsByOb = new long[obs];
        billableRowsByOb = new long[obs];
        billableRequestsByOb = new long[obs];
    }

    /**
     * Adds another tally to this one.
     *
     * @param other the tally to add
     */
    void add(Tally other) {
        for (int o = 0; o < rowsByOb.length; o++) {
            rowsByOb[o] += other.rowsByOb[o];
            billableRowsByOb[o] += other.billableRowsByOb[o];
            billableRequestsByOb[o] += other.billableRequestsByOb[o];
        }
        duplicates += other.duplicates;
        badTimestamps += other.badTimestamps;
        outOfPeriod += other.outOfPeriod;
        nullApps += other.nullApps;
        nullChannels += other.nullChannels;
        unknownApps += other.unknownApps;
        unknownComponents += other.unknownComponents;
    }
}
