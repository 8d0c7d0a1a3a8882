package io.aurabilling.dataset;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The one-probe window table gives exactly the answers of the earlier design: one table per dedupe
 * day, a row looking in its day's table and both neighbours', and the tables of days before a file's
 * cutoff dropped when the file starts (cutoffs that rise, fall, or are absent). Enough rows to make
 * the table grow and compact; component ids past 64 and several countries per interaction.
 */
class DedupeWindowTableProperties {
    /** One step: a file start (cutoff, or MIN_VALUE for a file outside a DAY_DT folder) or a row. */
    record Step(boolean fileStart, int cutoff, int id, int day, int component, int country) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> file = Arbitraries.integers().between(-1, 12).map(c ->
                new Step(true, c < 0 ? Integer.MIN_VALUE : 20_000 + c, 0, 0, 0, 0));
        Arbitrary<Step> row = Combinators.combine(Arbitraries.integers().between(0, 400),
                Arbitraries.integers().between(0, 12), Arbitraries.integers().between(0, 70),
                Arbitraries.integers().between(0, 3)).as((id, day, component, country) ->
                new Step(false, 0, id, 20_000 + day, component % 3 == 0 ? component : component % 4, country));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, file), net.jqwik.api.Tuple.of(150, row)).list().ofMaxSize(3000);
    }

    @Property(tries = 1000)
    void answersAsDayTablesDroppedAtEachFileStart(@ForAll("steps") List<Step> steps) {
        DedupeWindowTable table = new DedupeWindowTable();
        // the model: day -> id -> {components, countries}
        TreeMap<Integer, Map<Integer, Set<Integer>[]>> days = new TreeMap<>();
        RowChunk chunk = new RowChunk();
        long[] uuid = new long[2];
        int n = 0;
        for (Step s : steps) {
            if (s.fileStart()) {
                table.startFile(s.cutoff());
                days.headMap(s.cutoff()).clear();
                continue;
            }
            chunk.clear();
            // even ids as canonical UUIDs (two longs), odd ids as bytes
            String text = s.id() % 2 == 0
                    ? String.format(java.util.Locale.ROOT, "00000000-0000-4000-8000-%012x", s.id())
                    : "id-" + s.id();
            byte[] b = text.getBytes(StandardCharsets.US_ASCII);
            if (AuditFileDecoder.parseUuid(b, 0, b.length, uuid)) {
                chunk.addUuid(uuid[0], uuid[1], DedupeWindowTable.uuidHash(uuid[0], uuid[1]), s.day(), 0);
            } else {
                chunk.addBytes(b, 0, b.length, LocalIds.hash(b, 0, b.length), s.day(), 0);
            }
            int actual = table.apply(chunk, 0, s.component(), s.country());
            assertEquals(model(days, s), actual, "step " + n + " " + s);
            n++;
        }
    }

    @SuppressWarnings("unchecked")
    private static int model(TreeMap<Integer, Map<Integer, Set<Integer>[]>> days, Step s) {
        boolean counted = false;
        for (int d = s.day() - 1; d <= s.day() + 1; d++) {
            Set<Integer>[] entry = days.getOrDefault(d, Map.of()).get(s.id());
            if (entry != null) {
                if (entry[0].contains(s.component())) {
                    return DedupeWindowTable.DUPLICATE;
                }
                counted |= entry[1].contains(s.country());
            }
        }
        Set<Integer>[] own = days.computeIfAbsent(s.day(), d -> new HashMap<>())
                .computeIfAbsent(s.id(), i -> new Set[] {new HashSet<>(), new HashSet<>()});
        own[0].add(s.component());
        own[1].add(s.country());
        return counted ? DedupeWindowTable.BILLABLE : DedupeWindowTable.NEW_REQUEST;
    }
}
