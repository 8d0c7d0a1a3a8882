package io.aurabilling.store;

import io.aurabilling.ConfigurationException;
import io.aurabilling.ConflictException;
import io.aurabilling.InputDataException;
import io.aurabilling.invoice.Invoice;
import io.aurabilling.invoice.InvoiceWriter;
import io.aurabilling.invoice.json.JsonInvoiceWriter;
import io.aurabilling.store.history.FilingResult;
import io.aurabilling.store.history.FilingStatus;
import io.aurabilling.store.history.HistoryEntry;
import io.aurabilling.store.history.InvoiceHistory;
import io.aurabilling.store.history.RevisionFiles;
import io.aurabilling.store.history.RevisionRequest;
import io.aurabilling.store.history.RevisionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The behaviour every {@link InvoiceStore} must have, and the invoice history of
 * {@code storage.md} on top of it: write-once creates, every row of the re-run table,
 * racing runs, interrupted writes, abandoned orphans, listing and tamper detection.
 * A store's test extends this class and says how to make an empty store and how to
 * tamper with a stored object behind the library's back.
 */
public abstract class InvoiceStoreContract {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String BRA = "ob=BRA/period=2026-10/";
    private final JsonInvoiceWriter json = new JsonInvoiceWriter();
    private final InvoiceWriter xlsx = new StoreFixtures.FakeXlsxWriter();

    /** @return a new, empty store (each test gets its own) */
    protected abstract InvoiceStore newStore();

    /**
     * Replaces an object's content without touching its metadata, as someone editing the
     * store by hand would.
     *
     * @param store the store
     * @param name the object name
     * @param bytes the new content
     * @throws Exception when the backend fails
     */
    protected abstract void tamper(InvoiceStore store, String name, byte[] bytes) throws Exception;

    private InvoiceHistory history(InvoiceStore store) {
        return new InvoiceHistory(store, json, xlsx);
    }

    private static Invoice bra(String total) {
        return StoreFixtures.invoice("BRA", "2026-10", total);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> names(InvoiceStore store) {
        return store.list("").stream().map(StoredObjectInfo::name).toList();
    }

    // ---- the store itself -------------------------------------------------------------

    @Test
    void createIsWriteOnceAndReadsBackContentTypeAndMetadata() {
        InvoiceStore store = newStore();
        Map<String, String> meta = Map.of("sha256", "abc", "ob", "BRA");
        assertEquals(CreateOutcome.CREATED, store.createIfAbsent("a/b/one.json", utf8("first"), "application/json", meta));
        assertEquals(CreateOutcome.ALREADY_EXISTS,
                store.createIfAbsent("a/b/one.json", utf8("second"), "application/json", Map.of("sha256", "def")));

        StoredObject read = store.read("a/b/one.json").orElseThrow();
        assertArrayEquals(utf8("first"), read.bytes());
        assertEquals("application/json", read.mediaType());
        assertEquals("abc", read.metadata().get("sha256"));
        assertEquals("BRA", read.metadata().get("ob"));
        assertEquals(Optional.empty(), store.read("a/b/missing.json"));
    }

    @Test
    void listsByPrefixSortedWithMetadata() {
        InvoiceStore store = newStore();
        store.createIfAbsent("ob=PER/period=2026-10/x.json", utf8("3"), "application/json", Map.of("n", "3"));
        store.createIfAbsent("ob=BRA/period=2026-11/x.json", utf8("22"), "application/json", Map.of("n", "2"));
        store.createIfAbsent("ob=BRA/period=2026-10/x.json", utf8("1"), "application/json", Map.of("n", "1"));

        assertEquals(List.of("ob=BRA/period=2026-10/x.json", "ob=BRA/period=2026-11/x.json", "ob=PER/period=2026-10/x.json"),
                names(store));
        List<StoredObjectInfo> bra = store.list("ob=BRA/");
        assertEquals(2, bra.size());
        assertEquals("ob=BRA/period=2026-11/x.json", bra.get(1).name());
        assertEquals(2L, bra.get(1).size());
        assertEquals("2", bra.get(1).metadata().get("n"));
        assertEquals(List.of(), store.list("ob=ESP/"));
    }

    @Test
    void rejectsNamesThatEscapeTheRoot() {
        InvoiceStore store = newStore();
        for (String bad : List.of("", "/abs.json", "a/../b.json", "a//b.json", "a/./b.json", "dir/")) {
            assertThrows(IllegalArgumentException.class,
                    () -> store.createIfAbsent(bad, utf8("x"), "application/json", Map.of()), bad);
        }
    }

    @Test
    @Timeout(120)
    void racingCreatesOfOneNameHaveExactlyOneWinner() throws Exception {
        InvoiceStore store = newStore();
        int racers = 6;
        CyclicBarrier start = new CyclicBarrier(racers);
        List<Callable<CreateOutcome>> tasks = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            byte[] bytes = utf8("racer " + i);
            tasks.add(() -> {
                start.await(30, TimeUnit.SECONDS);
                return store.createIfAbsent("race/x.json", bytes, "application/json", Map.of("racer", new String(bytes, StandardCharsets.UTF_8)));
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<CreateOutcome> outcomes = new ArrayList<>();
            for (Future<CreateOutcome> f : pool.invokeAll(tasks)) {
                outcomes.add(f.get());
            }
            assertEquals(1, outcomes.stream().filter(o -> o == CreateOutcome.CREATED).count(), outcomes.toString());
            StoredObject stored = store.read("race/x.json").orElseThrow();
            // content and metadata come from the same (winning) writer
            assertEquals(new String(stored.bytes(), StandardCharsets.UTF_8), stored.metadata().get("racer"));
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- the re-run table --------------------------------------------------------------

    @Test
    void nothingStoredWritesRevisionOneXlsxThenJsonWithTheContractMetadata() throws Exception {
        InvoiceStore store = newStore();
        Invoice invoice = bra("1234.5");
        FilingResult result = history(store).file(invoice, RevisionRequest.NONE);

        assertEquals(FilingStatus.CREATED, result.status());
        assertEquals(1, result.revision());
        assertEquals(List.of(BRA + "LIC-BRA-202610-r1.xlsx", BRA + "LIC-BRA-202610-r1.json"), result.names());
        assertEquals(List.of(BRA + "LIC-BRA-202610-r1.json", BRA + "LIC-BRA-202610-r1.xlsx"), names(store));

        StoredObject stored = store.read(BRA + "LIC-BRA-202610-r1.json").orElseThrow();
        byte[] expected = json.render(invoice);
        assertArrayEquals(expected, stored.bytes());
        assertEquals("application/json", stored.mediaType());
        assertEquals(Map.of("sha256", sha256(expected), "number", "LIC-BRA-202610", "revision", "1", "ob", "BRA",
                "period", "2026-10", "total", "1234.50", "currency", "EUR"), withoutStoreKeys(stored.metadata()));
        StoredObject sheet = store.read(BRA + "LIC-BRA-202610-r1.xlsx").orElseThrow();
        assertEquals(XLSX, sheet.mediaType());
        assertEquals("XLSX LIC-BRA-202610 r1 supersedes=null reason=null total=1234.5\n",
                new String(sheet.bytes(), StandardCharsets.UTF_8));
        assertEquals(sha256(sheet.bytes()), sheet.metadata().get("sha256"));
        assertTrue(result.summary().startsWith("CREATED LIC-BRA-202610 r1: " + BRA + "LIC-BRA-202610-r1.xlsx"),
                result.summary());
    }

    /** Only the contract's keys: a store may keep private bookkeeping keys of its own. */
    private static Map<String, String> withoutStoreKeys(Map<String, String> metadata) {
        Map<String, String> contract = new java.util.TreeMap<>(metadata);
        contract.keySet().retainAll(List.of("sha256", "number", "revision", "ob", "period", "total", "currency"));
        return contract;
    }

    @Test
    void sameContentIsUnchangedAndWritesNothing() {
        InvoiceStore store = newStore();
        InvoiceHistory history = history(store);
        history.file(bra("100.00"), RevisionRequest.NONE);
        List<String> before = names(store);

        FilingResult again = history.file(bra("100.00"), RevisionRequest.NONE);
        assertEquals(FilingStatus.UNCHANGED, again.status());
        assertEquals(1, again.revision());
        assertEquals(before, names(store));
        // even when a revision is asked for, identical content is not re-issued
        assertEquals(FilingStatus.UNCHANGED, history.file(bra("100.00"), RevisionRequest.revise("why")).status());
        assertEquals(before, names(store));
    }

    @Test
    void differentContentIsAConflictShowingOldAndNewTotals() {
        InvoiceStore store = newStore();
        InvoiceHistory history = history(store);
        history.file(bra("100.00"), RevisionRequest.NONE);
        List<String> before = names(store);

        ConflictException e = assertThrows(ConflictException.class, () -> history.file(bra("120.5"), RevisionRequest.NONE));
        assertEquals(5, e.exitCode());
        assertTrue(e.getMessage().contains("total 100.00 EUR"), e.getMessage());
        assertTrue(e.getMessage().contains("total 120.50 EUR"), e.getMessage());
        assertTrue(e.getMessage().contains("--revise --reason"), e.getMessage());
        assertEquals(before, names(store));
    }

    @Test
    void aConflictOnOneObOfARunWritesNothingForAnyOb() {
        InvoiceStore store = newStore();
        InvoiceHistory history = history(store);
        history.file(bra("100.00"), RevisionRequest.NONE);
        List<String> before = names(store);

        // ESP would be new, BRA conflicts: the run is refused before anything is written
        Invoice esp = StoreFixtures.invoice("ESP", "2026-10", "50.00");
        ConflictException e = assertThrows(ConflictException.class,
                () -> history.fileAll(List.of(esp, bra("120.5")), RevisionRequest.NONE));
        assertEquals(5, e.exitCode());
        assertEquals(before, names(store), "no ESP revision was written");
        // without the conflict both are filed
        assertEquals(List.of(FilingStatus.CREATED, FilingStatus.UNCHANGED),
                history.fileAll(List.of(esp, bra("100.00")), RevisionRequest.NONE).stream()
                        .map(FilingResult::status).toList());
    }

    @Test
    void revisionWithReasonWritesNextRevisionThatSupersedesTheLatest() {
        InvoiceStore store = newStore();
        InvoiceHistory history = history(store);
        history.file(bra("100.00"), RevisionRequest.NONE);

        FilingResult r2 = history.file(bra("120.50"), RevisionRequest.revise("late usage of 30 Oct"));
        assertEquals(FilingStatus.CREATED, r2.status());
        assertEquals(2, r2.revision());
        String r2Json = new String(store.read(BRA + "LIC-BRA-202610-r2.json").orElseThrow().bytes(), StandardCharsets.UTF_8);
        assertTrue(r2Json.contains("\"revision\": 2,"), r2Json);
        assertTrue(r2Json.contains("\"supersedes\": \"LIC-BRA-202610-r1\","), r2Json);
        assertTrue(r2Json.contains("\"reason\": \"late usage of 30 Oct\","), r2Json);
        assertEquals("2", store.read(BRA + "LIC-BRA-202610-r2.xlsx").orElseThrow().metadata().get("revision"));

        // r2 is now what re-runs compare with: same content -> unchanged, r1's content -> conflict
        assertEquals(FilingStatus.UNCHANGED, history.file(bra("120.50"), RevisionRequest.NONE).status());
        assertEquals(2, history.file(bra("120.50"), RevisionRequest.NONE).revision());
        assertThrows(ConflictException.class, () -> history.file(bra("100.00"), RevisionRequest.NONE));

        FilingResult r3 = history.file(bra("100.00"), RevisionRequest.revise("undo"));
        assertEquals(3, r3.revision());
        String r3Json = new String(store.read(BRA + "LIC-BRA-202610-r3.json").orElseThrow().bytes(), StandardCharsets.UTF_8);
        assertTrue(r3Json.contains("\"supersedes\": \"LIC-BRA-202610-r2\","), r3Json);
        assertEquals(6, names(store).size());
    }

    @Test
    void revisionWithoutReasonIsAUsageError() {
        assertEquals(2, assertThrows(ConfigurationException.class, () -> RevisionRequest.revise(" ")).exitCode());
    }

    @Test
    void interruptedFirstWriteWithSameXlsxIsCompleted() {
        InvoiceStore store = newStore();
        Invoice invoice = bra("100.00");
        byte[] sheet = xlsx.render(invoice);
        store.createIfAbsent(BRA + "LIC-BRA-202610-r1.xlsx", sheet, XLSX, InvoiceHistory.metadata(invoice, sheet));

        FilingResult result = history(store).file(invoice, RevisionRequest.NONE);
        assertEquals(FilingStatus.COMPLETED, result.status());
        assertEquals(1, result.revision());
        assertArrayEquals(json.render(invoice), store.read(BRA + "LIC-BRA-202610-r1.json").orElseThrow().bytes());
        assertEquals(FilingStatus.UNCHANGED, history(store).file(invoice, RevisionRequest.NONE).status());
    }

    @Test
    void interruptedRevisionWithSameXlsxIsCompletedWithItsReason() {
        InvoiceStore store = newStore();
        InvoiceHistory history = history(store);
        history.file(bra("100.00"), RevisionRequest.NONE);
        Invoice r2 = bra("150.00").withRevision(2, "LIC-BRA-202610-r1", "credit note");
        byte[] sheet = xlsx.render(r2);
        store.createIfAbsent(BRA + "LIC-BRA-202610-r2.xlsx", sheet, XLSX, InvoiceHistory.metadata(r2, sheet));

        // without the reason the sheet renders differently: refused, naming the orphan
        ConflictException e = assertThrows(ConflictException.class, () -> history.file(bra("150.00"), RevisionRequest.NONE));
        assertTrue(e.getMessage().contains(BRA + "LIC-BRA-202610-r2.xlsx"), e.getMessage());
        FilingResult done = history.file(bra("150.00"), RevisionRequest.revise("credit note"));
        assertEquals(FilingStatus.COMPLETED, done.status());
        assertEquals(2, done.revision());
        assertArrayEquals(json.render(r2), store.read(BRA + "LIC-BRA-202610-r2.json").orElseThrow().bytes());
    }

    @Test
    void interruptedWriteThatRendersDifferentlyIsAConflictOrAbandonedOnRevision() {
        InvoiceStore store = newStore();
        InvoiceHistory history = history(store);
        history.file(bra("100.00"), RevisionRequest.NONE);
        Invoice orphan = bra("999.00").withRevision(2, "LIC-BRA-202610-r1", "first try");
        byte[] sheet = xlsx.render(orphan);
        String orphanName = BRA + "LIC-BRA-202610-r2.xlsx";
        store.createIfAbsent(orphanName, sheet, XLSX, InvoiceHistory.metadata(orphan, sheet));
        List<String> before = names(store);

        ConflictException e = assertThrows(ConflictException.class, () -> history.file(bra("150.00"), RevisionRequest.NONE));
        assertTrue(e.getMessage().contains(orphanName), e.getMessage());
        assertEquals(before, names(store));

        FilingResult r3 = history.file(bra("150.00"), RevisionRequest.revise("second try"));
        assertEquals(FilingStatus.CREATED, r3.status());
        assertEquals(3, r3.revision());
        assertEquals(List.of(orphanName), r3.abandoned());
        assertArrayEquals(sheet, store.read(orphanName).orElseThrow().bytes(), "the orphan is left in place");
        String r3Json = new String(store.read(BRA + "LIC-BRA-202610-r3.json").orElseThrow().bytes(), StandardCharsets.UTF_8);
        assertTrue(r3Json.contains("\"supersedes\": \"LIC-BRA-202610-r1\","), "r3 replaces the issued r1: " + r3Json);

        List<HistoryEntry> entries = history.list("BRA", "2026-10");
        assertEquals(List.of(RevisionState.SUPERSEDED, RevisionState.ABANDONED, RevisionState.LATEST),
                entries.stream().map(HistoryEntry::state).toList());
        assertEquals(List.of(1, 2, 3), entries.stream().map(HistoryEntry::revision).toList());
    }

    // ---- races -------------------------------------------------------------------------

    @Test
    @Timeout(120)
    void twoRunsRacingForRevisionOneHaveOneWinnerAndTheLoserWritesNothing() throws Exception {
        raceFor(null, 1);
    }

    @Test
    @Timeout(120)
    void twoRunsRacingForARevisionHaveOneWinnerAndNothingIsLost() throws Exception {
        raceFor("100.00", 2);
    }

    private void raceFor(String existingTotal, int revision) throws Exception {
        InvoiceStore base = newStore();
        if (existingTotal != null) {
            history(base).file(bra(existingTotal), RevisionRequest.NONE);
        }
        byte[] r1Before = existingTotal == null ? null : base.read(BRA + "LIC-BRA-202610-r1.json").orElseThrow().bytes();
        // both runs look at the store before either writes
        CyclicBarrier bothListed = new CyclicBarrier(2);
        InvoiceStore store = new ListingBarrierStore(base, bothListed);
        RevisionRequest request = existingTotal == null ? RevisionRequest.NONE : RevisionRequest.revise("race");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<FilingResult> a = pool.submit(() -> history(store).file(bra("200.00"), request));
            Future<FilingResult> b = pool.submit(() -> history(store).file(bra("300.00"), request));
            List<Object> outcomes = new ArrayList<>();
            for (Future<FilingResult> f : List.of(a, b)) {
                try {
                    outcomes.add(f.get(100, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
            List<FilingResult> winners = outcomes.stream().filter(FilingResult.class::isInstance)
                    .map(FilingResult.class::cast).toList();
            assertEquals(1, winners.size(), outcomes.toString());
            assertEquals(FilingStatus.CREATED, winners.get(0).status());
            assertEquals(revision, winners.get(0).revision());
            Object loser = outcomes.stream().filter(o -> !(o instanceof FilingResult)).findFirst().orElseThrow();
            assertInstanceOf(ConflictException.class, loser);

            String winnerTotal = outcomes.get(0) instanceof FilingResult ? "200.00" : "300.00";
            String prefix = BRA + "LIC-BRA-202610-r" + revision;
            // the winner's revision is complete and consistent: XLSX and JSON of the same invoice
            assertEquals(winnerTotal, base.read(prefix + ".json").orElseThrow().metadata().get("total"));
            assertEquals(winnerTotal, base.read(prefix + ".xlsx").orElseThrow().metadata().get("total"));
            assertEquals(revision * 2, names(base).size(), names(base).toString());
            if (r1Before != null) {
                assertArrayEquals(r1Before, base.read(BRA + "LIC-BRA-202610-r1.json").orElseThrow().bytes());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRunThatCompletesAnotherRunsWriteInProgressLeavesThatRunAnAccurateConflict() {
        InvoiceStore base = newStore();
        List<FilingResult> second = new ArrayList<>();
        // run B starts just after run A stored its XLSX, and takes it for an interrupted write
        InvoiceStore store = new AfterFirstXlsxStore(base,
                () -> second.add(history(base).file(bra("200.00"), RevisionRequest.NONE)));
        ConflictException first = assertThrows(ConflictException.class,
                () -> history(store).file(bra("200.00"), RevisionRequest.NONE));
        assertEquals(FilingStatus.COMPLETED, second.get(0).status());
        assertTrue(first.getMessage().contains("completed revision 1 of invoice LIC-BRA-202610 with this run's XLSX "
                + "and the same JSON"), first.getMessage());
        assertFalse(first.getMessage().contains("wrote nothing"), first.getMessage());
        assertEquals(FilingStatus.UNCHANGED, history(base).file(bra("200.00"), RevisionRequest.NONE).status());
    }

    @Test
    void aWriteInProgressThatAnotherRunAbandonedGetsNoJson() {
        InvoiceStore base = newStore();
        List<FilingResult> second = new ArrayList<>();
        // run B, with other content and a reason, abandons run A's r1 and writes r2 while A is writing
        InvoiceStore store = new AfterFirstXlsxStore(base,
                () -> second.add(history(base).file(bra("300.00"), RevisionRequest.revise("other data"))));
        ConflictException first = assertThrows(ConflictException.class,
                () -> history(store).file(bra("200.00"), RevisionRequest.NONE));
        assertEquals(2, second.get(0).revision());
        assertTrue(first.getMessage().contains("revision 2"), first.getMessage());
        assertFalse(base.read(BRA + "LIC-BRA-202610-r1.json").isPresent(), "A's r1 stays the abandoned orphan");
        List<HistoryEntry> entries = history(base).list("BRA", "2026-10");
        assertEquals(List.of(RevisionState.ABANDONED, RevisionState.LATEST),
                entries.stream().map(HistoryEntry::state).toList());
    }

    /** Delegates to a store; right after the first XLSX is created, runs another run to its end. */
    private static final class AfterFirstXlsxStore extends ForwardingStore {
        private Runnable otherRun;

        AfterFirstXlsxStore(InvoiceStore store, Runnable otherRun) {
            super(store);
            this.otherRun = otherRun;
        }

        @Override
        public CreateOutcome createIfAbsent(String name, byte[] bytes, String mediaType, Map<String, String> metadata) {
            CreateOutcome outcome = store.createIfAbsent(name, bytes, mediaType, metadata);
            if (otherRun != null && name.endsWith(".xlsx") && outcome == CreateOutcome.CREATED) {
                Runnable run = otherRun;
                otherRun = null;
                run.run();
            }
            return outcome;
        }
    }

    /**
     * Delegates to a store, but the first list() of each racer (the first two calls) waits until
     * the other racer has listed too; later ones (a writer checking for a later revision) do not.
     */
    private static final class ListingBarrierStore extends ForwardingStore {
        private final CyclicBarrier barrier;
        private final java.util.concurrent.atomic.AtomicInteger lists = new java.util.concurrent.atomic.AtomicInteger();

        ListingBarrierStore(InvoiceStore store, CyclicBarrier barrier) {
            super(store);
            this.barrier = barrier;
        }

        @Override
        public List<StoredObjectInfo> list(String prefix) {
            List<StoredObjectInfo> listed = store.list(prefix);
            if (lists.incrementAndGet() > 2) {
                return listed;
            }
            try {
                barrier.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("the other racer did not list", e);
            }
            return listed;
        }
    }

    // ---- history -----------------------------------------------------------------------

    @Test
    void historyListsByObAndOrPeriodWithAllRevisionsMarked() {
        InvoiceStore store = newStore();
        InvoiceHistory history = history(store);
        history.file(bra("100.00"), RevisionRequest.NONE);
        history.file(bra("110.00"), RevisionRequest.revise("fix"));
        history.file(StoreFixtures.invoice("BRA", "2026-11", "50.00"), RevisionRequest.NONE);
        history.file(StoreFixtures.invoice("PER", "2026-10", "70.00"), RevisionRequest.NONE);

        List<HistoryEntry> bra10 = history.list("BRA", "2026-10");
        assertEquals(2, bra10.size());
        assertEquals(RevisionState.SUPERSEDED, bra10.get(0).state());
        assertEquals("100.00", bra10.get(0).total());
        assertEquals(RevisionState.LATEST, bra10.get(1).state());
        assertEquals("110.00", bra10.get(1).total());
        assertEquals("EUR", bra10.get(1).currency());
        assertEquals(List.of(BRA + "LIC-BRA-202610-r2.json", BRA + "LIC-BRA-202610-r2.xlsx"), bra10.get(1).names());

        assertEquals(List.of("2026-10", "2026-10", "2026-11"), history.list("BRA", null).stream().map(HistoryEntry::period).toList());
        assertEquals(List.of("BRA", "BRA", "PER"), history.list(null, "2026-10").stream().map(HistoryEntry::ob).toList());
        assertEquals(4, history.list(null, null).size());
        assertEquals(List.of(), history.list("ESP", null));
    }

    @Test
    void downloadsOneRevisionCheckedAgainstItsSha256(@TempDir Path dir) {
        InvoiceStore store = newStore();
        InvoiceHistory history = history(store);
        history.file(bra("100.00"), RevisionRequest.NONE);
        history.file(bra("110.00"), RevisionRequest.revise("fix"));

        RevisionFiles latest = history.download("LIC-BRA-202610", OptionalInt.empty());
        assertEquals(2, latest.entry().revision());
        RevisionFiles first = history.download("LIC-BRA-202610", OptionalInt.of(1));
        assertArrayEquals(json.render(bra("100.00")), first.files().get(0).bytes());

        List<Path> written = history.downloadTo("LIC-BRA-202610", OptionalInt.of(1), dir);
        assertEquals(List.of(dir.resolve("LIC-BRA-202610-r1.json"), dir.resolve("LIC-BRA-202610-r1.xlsx")), written);
        assertArrayEquals(xlsx.render(bra("100.00")), readAll(dir.resolve("LIC-BRA-202610-r1.xlsx")));
        assertThrows(InputDataException.class, () -> history.download("LIC-BRA-202610", OptionalInt.of(7)));
        assertThrows(InputDataException.class, () -> history.download("LIC-XXX-202610", OptionalInt.empty()));
    }

    @Test
    void tamperedFileIsDetectedOnDownloadAndOnReRun(@TempDir Path dir) throws Exception {
        InvoiceStore store = newStore();
        InvoiceHistory history = history(store);
        history.file(bra("100.00"), RevisionRequest.NONE);
        String name = BRA + "LIC-BRA-202610-r1.json";
        byte[] original = store.read(name).orElseThrow().bytes();
        tamper(store, name, new String(original, StandardCharsets.UTF_8).replace("100.00", "1.00").getBytes(StandardCharsets.UTF_8));

        InputDataException e = assertThrows(InputDataException.class,
                () -> history.downloadTo("LIC-BRA-202610", OptionalInt.of(1), dir));
        assertEquals(3, e.exitCode());
        assertTrue(e.getMessage().contains(name), e.getMessage());
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("LIC-BRA-202610-r1.xlsx")), "nothing is downloaded when a check fails");
        assertThrows(InputDataException.class, () -> history.file(bra("100.00"), RevisionRequest.NONE));
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
