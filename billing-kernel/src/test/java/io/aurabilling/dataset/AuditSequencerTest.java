package io.aurabilling.dataset;

import io.aurabilling.usage.UsageAggregate;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which days' dedupe tables the sequencer drops, and what it reports when a dropped day gets rows again. */
class AuditSequencerTest {
    private static final int OCT_1 = (int) LocalDate.of(2026, 10, 1).toEpochDay();
    private static final int OCT_5 = (int) LocalDate.of(2026, 10, 5).toEpochDay();

    private final SharedIds ids = new SharedIds();
    private final int country = ids.id("DEU");
    private final int component = ids.id("c");

    /** A chunk of one row of interaction {@code id} on {@code day}, in a new file cell. */
    private RowChunk row(int day, long id) {
        RowChunk chunk = new RowChunk();
        chunk.addNewCell(day, country, component, -1, -1, -1, -1);
        chunk.addUuid(id, 7L, day, 0);
        return chunk;
    }

    /** A sequencer that has read October 1st's folder: one row, interaction 1. */
    private AuditSequencer afterOctober1st(Set<Integer> keptDays) {
        AuditSequencer sequencer = new AuditSequencer(UsageAggregate.builder(), ids, keptDays);
        sequencer.startFile("DAY_DT=2026-10-01/p.avro");
        sequencer.accept(row(OCT_1, 1));
        return sequencer;
    }

    /** October 1st's folder, then October 5th's, which also re-delivers a row of October 1st. */
    private AuditSequencer feed(Set<Integer> keptDays) {
        AuditSequencer sequencer = afterOctober1st(keptDays);
        sequencer.startFile("DAY_DT=2026-10-05/p.avro");
        sequencer.accept(row(OCT_5, 2));
        sequencer.accept(row(OCT_1, 1));
        return sequencer;
    }

    @Test
    void aDroppedDayWithRowsAgainIsReportedAndKeptOnTheSecondRead() {
        AuditSequencer first = feed(Set.of());
        assertEquals(new TreeSet<>(Set.of(OCT_1)), first.lateDays());
        // the second read keeps that day only: memory grows by one day's table, not with the month
        AuditSequencer second = feed(first.lateDays());
        SortedSet<Integer> none = new TreeSet<>();
        assertEquals(none, second.lateDays());
        assertEquals(2, second.tablesHeld(), "October 1st (kept) and October 5th");
    }

    @Test
    void aDuplicateOnADroppedDayFoundOnItsNeighbourDoesNotMakeTheDayLate() {
        // its verdict does not depend on the dropped day's state: no second read for it
        AuditSequencer sequencer = afterOctober1st(Set.of());
        sequencer.startFile("DAY_DT=2026-10-02/p.avro");
        sequencer.accept(row(OCT_1 + 1, 2));
        sequencer.startFile("DAY_DT=2026-10-04/p.avro");   // drops October 1st
        sequencer.accept(row(OCT_1, 2));                    // a copy of October 2nd's row
        assertEquals(new TreeSet<>(), sequencer.lateDays());
    }

    @Test
    void daysInFolderOrderAreNeitherLateNorKept() {
        AuditSequencer sequencer = afterOctober1st(Set.of());
        sequencer.startFile("DAY_DT=2026-10-05/p.avro");
        sequencer.accept(row(OCT_5, 2));
        assertEquals(new TreeSet<>(), sequencer.lateDays());
        assertEquals(1, sequencer.tablesHeld(), "October 1st was dropped");
    }
}
