package io.aurabilling.usage;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The builder's fast path for cells added in key order, and the hand-written key order. */
class UsageAggregateProperties {

    @Provide
    Arbitrary<UsageKey> keys() {
        // new String instances on purpose: the order must not rest on shared instances
        Arbitrary<String> country = Arbitraries.of("BRA", "ESP", "ARG").map(String::new);
        Arbitrary<String> optional = Arbitraries.of("a", "b", "B", "ab").map(String::new).injectNull(0.3);
        return Combinators.combine(country, Arbitraries.integers().between(1, 3), Arbitraries.of("c1", "c2"),
                        optional, optional, Arbitraries.of("ai", "other"), optional)
                .as((c, d, comp, app, ch, svc, preset) -> new UsageKey(c, LocalDate.of(2026, 10, d), comp, app, ch,
                        svc, preset));
    }

    @Provide
    Arbitrary<List<UsageKey>> keyLists() {
        return keys().list().ofMaxSize(60);
    }

    @Property(tries = 1000)
    void compareToIsTheDocumentedOrder(@ForAll("keys") UsageKey a, @ForAll("keys") UsageKey b) {
        assertEquals(Integer.signum(UsageKey.ORDER.compare(a, b)), Integer.signum(a.compareTo(b)));
        assertEquals(-Integer.signum(b.compareTo(a)), Integer.signum(a.compareTo(b)));
        assertEquals(a.equals(b), a.compareTo(b) == 0);
    }

    @Property(tries = 1000)
    void cellsInAnyOrderGiveTheSameAggregate(@ForAll("keyLists") List<UsageKey> keys, @ForAll boolean sortFirst,
                                             @ForAll boolean mergeHalf, @ForAll boolean expectCells) {
        List<UsageKey> order = new ArrayList<>(keys);
        if (sortFirst) {
            // the fast path, perhaps left part-way by a repeated key
            order.sort(null);
        }
        Map<UsageKey, Long> expected = new TreeMap<>();
        Map<String, Long> billedByCountry = new TreeMap<>();
        UsageAggregate.Builder builder = UsageAggregate.builder();
        UsageAggregate.Builder other = UsageAggregate.builder();
        if (expectCells) {
            // a hint only: the same aggregate
            builder.expectCells(order.size());
        }
        for (int i = 0; i < order.size(); i++) {
            UsageKey k = order.get(i);
            long queries = 1 + (k.hashCode() & 7);
            expected.merge(k, queries, Long::sum);
            billedByCountry.merge(k.country(), queries, Long::sum);
            (mergeHalf && i % 2 == 1 ? other : builder).addCell(k, queries);
        }
        if (mergeHalf) {
            builder.addAll(other.build());
        }
        UsageAggregate built = builder.build();
        // same entries in the same (sorted) order
        assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(built.cellMap().entrySet()));
        billedByCountry.forEach((country, billed) -> assertEquals(billed, built.rows(country).billed()));
    }

    @Property(tries = 300)
    void theCellViewsAgreeAndEqualityIgnoresAddOrder(@ForAll("keyLists") List<UsageKey> keys) {
        UsageAggregate.Builder forward = UsageAggregate.builder();
        UsageAggregate.Builder backward = UsageAggregate.builder();
        for (int i = 0; i < keys.size(); i++) {
            forward.addCell(keys.get(i), 1 + i % 3);
            backward.addCell(keys.get(keys.size() - 1 - i), 1 + (keys.size() - 1 - i) % 3);
        }
        UsageAggregate a = forward.build();
        UsageAggregate b = backward.build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        List<UsageCell> fromMap = new ArrayList<>();
        a.cellMap().forEach((k, q) -> fromMap.add(new UsageCell(k, q)));
        assertEquals(fromMap, a.cells());
        assertEquals(a.cells(), b.cells());
        assertSame(a.cellMap(), a.cellMap());
        UsageCell any = new UsageCell(new UsageKey("BRA", LocalDate.of(2026, 10, 1), "c1", null, null, "ai", null), 1);
        assertThrows(UnsupportedOperationException.class, () -> a.cells().add(any));
        assertThrows(UnsupportedOperationException.class, () -> a.cellMap().put(any.key(), 1L));
        if (!keys.isEmpty()) {
            // one count more is another aggregate
            UsageAggregate more = UsageAggregate.builder().addAll(a).addCell(keys.get(0), 1).build();
            assertNotEquals(a, more);
            assertEquals(a.cells().size(), more.cells().size());
        }
    }

    @net.jqwik.api.Example
    void expectingANegativeNumberOfCellsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> UsageAggregate.builder().expectCells(-1));
    }
}
