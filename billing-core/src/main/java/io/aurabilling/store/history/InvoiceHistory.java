package io.aurabilling.store.history;

import io.aurabilling.ConfigurationException;
import io.aurabilling.ConflictException;
import io.aurabilling.InputDataException;
import io.aurabilling.engine.BillingRun;
import io.aurabilling.invoice.Invoice;
import io.aurabilling.usage.UsageCell;
import io.aurabilling.invoice.InvoiceWriter;
import io.aurabilling.store.CreateOutcome;
import io.aurabilling.store.InvoiceStore;
import io.aurabilling.store.StoredObject;
import io.aurabilling.store.StoredObjectInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Invoice history on a write-once {@link InvoiceStore}, as {@code storage.md} says:
 * files invoices (re-runs, revisions, interrupted writes, races), lists the history and
 * downloads one revision with its SHA-256 checked.
 *
 * <p>A revision's files are written XLSX first and JSON last; the JSON's creation is the
 * commit point, so a revision with its JSON is complete and one without is an interrupted
 * write. Every file carries the metadata {@code sha256} (of its own bytes), {@code number},
 * {@code revision}, {@code ob}, {@code period}, {@code total} and {@code currency}.
 *
 * <p>Re-runs compare the invoice with the latest complete revision by a content hash:
 * the SHA-256 of the JSON rendered with {@code revision} 1 and no {@code supersedes} or
 * {@code reason} (for a stored JSON: its bytes with those three members set so). Instances
 * are immutable and thread-safe; several processes may file into one store at once.
 */
public final class InvoiceHistory {
    /** The media type of XLSX files. */
    public static final String XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String JSON_EXTENSION = "json";
    private static final String XLSX_EXTENSION = "xlsx";

    private final InvoiceStore store;
    private final InvoiceWriter json;
    private final InvoiceWriter xlsx;
    /** The run's usage cells the XLSX is rendered with, or null to render without them. */
    private final List<UsageCell> cells;

    /**
     * Creates the history.
     *
     * @param store the store
     * @param json the JSON writer (extension {@code json})
     * @param xlsx the XLSX writer (extension {@code xlsx}), or {@code null} to store JSON only
     */
    public InvoiceHistory(InvoiceStore store, InvoiceWriter json, InvoiceWriter xlsx) {
        this.store = requireNonNull(store, "store is null");
        this.json = requireNonNull(json, "json is null");
        if (!JSON_EXTENSION.equals(json.fileExtension())) {
            throw new IllegalArgumentException("the JSON writer must have extension json, not " + json.fileExtension());
        }
        if (xlsx != null && !XLSX_EXTENSION.equals(xlsx.fileExtension())) {
            throw new IllegalArgumentException("the XLSX writer must have extension xlsx, not " + xlsx.fileExtension());
        }
        this.xlsx = xlsx;
        this.cells = null;
    }

    private InvoiceHistory(InvoiceHistory base, List<UsageCell> cells) {
        this.store = base.store;
        this.json = base.json;
        this.xlsx = base.xlsx;
        this.cells = List.copyOf(cells);
    }

    /**
     * The same history rendering workbooks with the usage cells of a run, so that their
     * Detail and Usage-by-day sheets show every cell. Always file a run's invoices the same
     * way: an interrupted write is completed only when the workbook renders to the same bytes.
     *
     * @param usageCells the run's cells ({@code UsageAggregate.cells()})
     * @return a history bound to those cells
     */
    public InvoiceHistory withUsage(List<UsageCell> usageCells) {
        return new InvoiceHistory(this, requireNonNull(usageCells, "usageCells is null"));
    }

    /**
     * Files every invoice of a run, the workbooks rendered with the run's usage cells: the
     * one call that stores what {@code BillingEngine.invoice} produced.
     *
     * @param run the billing run
     * @param request whether revisions may be issued
     * @return one result per invoice, in the run's order
     */
    public List<FilingResult> fileAll(BillingRun run, RevisionRequest request) {
        requireNonNull(run, "run is null");
        return withUsage(run.usage().cells()).fileAll(run.invoices(), request);
    }

    private byte[] renderXlsx(Invoice invoice) {
        return cells == null ? xlsx.render(invoice) : xlsx.render(invoice, cells);
    }

    /**
     * Creates the history with the writers of an engine ({@code BillingEngine.invoiceWriters()}):
     * the one with extension {@code json} (required) and the one with {@code xlsx}, if any.
     *
     * @param store the store
     * @param writers the available writers
     * @return the history
     * @throws ConfigurationException when no writer has extension {@code json}
     */
    public static InvoiceHistory of(InvoiceStore store, Collection<InvoiceWriter> writers) {
        InvoiceWriter json = null;
        InvoiceWriter xlsx = null;
        for (InvoiceWriter w : writers) {
            if (JSON_EXTENSION.equals(w.fileExtension()) && json == null) {
                json = w;
            } else if (XLSX_EXTENSION.equals(w.fileExtension()) && xlsx == null) {
                xlsx = w;
            }
        }
        if (json == null) {
            throw new ConfigurationException("no invoice writer with extension json is available; "
                    + "put billing-core (which has the json writer) on the class path");
        }
        return new InvoiceHistory(store, json, xlsx);
    }

    /** @return the store */
    public InvoiceStore store() {
        return store;
    }

    /**
     * Files several invoices: first decides for every one what the re-run rules call for, and
     * only when none of them is refused writes them, one after the other. So a conflict on one
     * OB leaves the store as it was for all of them (a concurrent run can still win a race for
     * one revision in between; that one is then refused and the others already written stay,
     * each complete).
     *
     * @param invoices the invoices
     * @param request whether revisions may be issued
     * @return one result per invoice, in order
     * @throws ConflictException for the first invoice refused; nothing was written then
     */
    public List<FilingResult> fileAll(Collection<Invoice> invoices, RevisionRequest request) {
        requireNonNull(request, "request is null");
        List<java.util.function.Supplier<FilingResult>> plans = new ArrayList<>();
        for (Invoice invoice : invoices) {
            plans.add(plan(invoice, request));
        }
        List<FilingResult> results = new ArrayList<>();
        for (java.util.function.Supplier<FilingResult> plan : plans) {
            results.add(plan.get());
        }
        return List.copyOf(results);
    }

    /**
     * Files one invoice by the re-run rules of the contract. The invoice's own revision,
     * {@code supersedes} and {@code reason} are ignored: this method sets them.
     *
     * @param invoice the invoice
     * @param request whether a revision may be issued, and why
     * @return what was done
     * @throws ConflictException when a different invoice or an interrupted write that renders
     *                           differently is stored and no revision was asked for, or a
     *                           concurrent run won the race
     * @throws InputDataException when a stored file no longer matches its recorded SHA-256
     */
    public FilingResult file(Invoice invoice, RevisionRequest request) {
        return plan(invoice, request).get();
    }

    /**
     * Decides what filing an invoice calls for, reading the store but writing nothing.
     *
     * @return the writes to do (or the unchanged result)
     * @throws ConflictException when the invoice is refused
     */
    private java.util.function.Supplier<FilingResult> plan(Invoice invoice, RevisionRequest request) {
        requireNonNull(invoice, "invoice is null");
        requireNonNull(request, "request is null");
        String number = invoice.number();
        String ob = invoice.ob().country();
        String period = invoice.period().monthText();
        TreeMap<Integer, Map<String, StoredObjectInfo>> revisions = revisions(ob, period, number);
        int latest = revisions.entrySet().stream().filter(e -> e.getValue().containsKey(JSON_EXTENSION))
                .mapToInt(Map.Entry::getKey).max().orElse(0);
        int highest = revisions.isEmpty() ? 0 : revisions.lastKey();
        String supersedes = latest > 0 ? number + "-r" + latest : null;

        StoredObject latestJson = null;
        if (latest > 0) {
            latestJson = readChecked(InvoiceLayout.name(ob, period, number, latest, JSON_EXTENSION), false);
            if (sha256(canonicalJson(latestJson.bytes())).equals(contentSha256(invoice))) {
                FilingResult unchanged = result(FilingStatus.UNCHANGED, invoice.withRevision(latest, null, null), List.of());
                return () -> unchanged;
            }
        }
        if (highest > latest) {
            return planOverInterrupted(invoice, request, revisions, latest, highest, supersedes);
        }
        if (latest == 0) {
            return () -> write(invoice.withRevision(1, null, null), List.of());
        }
        if (!request.revise()) {
            String oldTotal = latestJson.metadata().getOrDefault("total", "?") + " "
                    + latestJson.metadata().getOrDefault("currency", "");
            throw new ConflictException("invoice " + number + " for " + ob + " " + period + " is already stored as "
                    + "revision " + latest + " (" + store.location() + "/" + latestJson.name() + ", total "
                    + oldTotal.trim() + ") and this run gives a different invoice (total " + total(invoice) + " "
                    + invoice.currency().getCurrencyCode() + "); nothing was written. If the new invoice is right, "
                    + "re-run with --revise --reason \"why\" to issue revision " + (latest + 1));
        }
        int next = latest + 1;
        return () -> write(invoice.withRevision(next, supersedes, request.reason()), List.of());
    }

    /** The stored revision(s) above the latest complete one have no JSON: complete, refuse or abandon. */
    private java.util.function.Supplier<FilingResult> planOverInterrupted(Invoice invoice, RevisionRequest request,
                                                                      TreeMap<Integer, Map<String, StoredObjectInfo>> revisions,
                                                                      int latest, int orphan, String supersedes) {
        Map<String, StoredObjectInfo> files = revisions.get(orphan);
        String orphanName = files.values().iterator().next().name();
        // a first revision never has supersedes or reason, so neither has its interrupted write
        Invoice candidate = latest == 0 ? invoice.withRevision(orphan, null, null)
                : invoice.withRevision(orphan, supersedes, request.reason());
        StoredObjectInfo storedXlsx = files.get(XLSX_EXTENSION);
        if (xlsx != null && storedXlsx != null && files.size() == 1) {
            orphanName = storedXlsx.name();
            StoredObject stored = readChecked(orphanName, false);
            if (Arrays.equals(renderXlsx(candidate), stored.bytes())) {
                return () -> {
                    String jsonName = InvoiceLayout.name(candidate, JSON_EXTENSION);
                    byte[] bytes = json.render(candidate);
                    if (store.createIfAbsent(jsonName, bytes, json.mediaType(), metadata(candidate, bytes))
                            != CreateOutcome.CREATED) {
                        throw lostRace(candidate, jsonName);
                    }
                    return result(FilingStatus.COMPLETED, candidate, List.of());
                };
            }
        }
        if (!request.revise()) {
            throw new ConflictException("an interrupted write of invoice " + invoice.number() + " revision " + orphan
                    + " is stored without its JSON (" + store.location() + "/" + orphanName + ") and this run "
                    + "renders it differently; nothing was written. Re-run with --revise --reason \"why\" to leave it "
                    + "in place as abandoned and issue revision " + (orphan + 1));
        }
        List<String> abandoned = new ArrayList<>();
        revisions.subMap(latest, false, orphan, true).values().forEach(f -> f.values().forEach(o -> abandoned.add(o.name())));
        return () -> write(invoice.withRevision(orphan + 1, supersedes, request.reason()), abandoned);
    }

    /** Writes a new revision: XLSX first, JSON (the commit point) last. */
    private FilingResult write(Invoice revision, List<String> abandoned) {
        if (xlsx != null) {
            String name = InvoiceLayout.name(revision, XLSX_EXTENSION);
            byte[] bytes = renderXlsx(revision);
            if (store.createIfAbsent(name, bytes, XLSX_MEDIA_TYPE, metadata(revision, bytes)) != CreateOutcome.CREATED) {
                throw lostRace(revision, name);
            }
            // a run that listed meanwhile saw this XLSX as an interrupted write; if it abandoned it
            // and wrote a later revision, a JSON now would make a revision that nothing supersedes by name
            TreeMap<Integer, Map<String, StoredObjectInfo>> now = revisions(revision.ob().country(),
                    revision.period().monthText(), revision.number());
            if (now.lastKey() > revision.revision()) {
                throw new ConflictException("a concurrent run took revision " + revision.revision() + " of invoice "
                        + revision.number() + " for an interrupted write while this run was writing it, left it as "
                        + "abandoned (" + store.location() + "/" + name + ") and stored revision " + now.lastKey()
                        + "; this run wrote no JSON. Re-run to compare with what is stored now");
            }
        }
        String name = InvoiceLayout.name(revision, JSON_EXTENSION);
        byte[] bytes = json.render(revision);
        if (store.createIfAbsent(name, bytes, json.mediaType(), metadata(revision, bytes)) != CreateOutcome.CREATED) {
            if (xlsx != null && store.read(name).map(o -> Arrays.equals(o.bytes(), bytes)).orElse(false)) {
                // a run that listed meanwhile completed this run's XLSX as an interrupted write
                throw new ConflictException("a concurrent run completed revision " + revision.revision()
                        + " of invoice " + revision.number() + " with this run's XLSX and the same JSON ("
                        + store.location() + "/" + name + ") while this run was writing it: the invoice is stored "
                        + "as this run computed it. Re-run to see it unchanged");
            }
            throw lostRace(revision, name);
        }
        return result(FilingStatus.CREATED, revision, abandoned);
    }

    private ConflictException lostRace(Invoice revision, String name) {
        return new ConflictException("a concurrent run stored " + store.location() + "/" + name + " first, so revision "
                + revision.revision() + " of invoice " + revision.number() + " is taken; this run wrote nothing. "
                + "Re-run to compare with what is stored now");
    }

    private FilingResult result(FilingStatus status, Invoice revision, List<String> abandoned) {
        List<String> names = new ArrayList<>();
        if (xlsx != null) {
            names.add(InvoiceLayout.name(revision, XLSX_EXTENSION));
        }
        names.add(InvoiceLayout.name(revision, JSON_EXTENSION));
        return new FilingResult(status, revision.number(), revision.revision(), store.location(), names, abandoned);
    }

    /**
     * The history filtered by OB and/or period: every stored revision, marked latest,
     * superseded, abandoned or interrupted.
     *
     * @param ob the OB code, or {@code null} for all
     * @param period the period {@code YYYY-MM}, or {@code null} for all
     * @return the revisions sorted by OB, period, number and revision
     */
    public List<HistoryEntry> list(String ob, String period) {
        String prefix = ob == null ? "" : period == null ? "ob=" + ob + "/" : InvoiceLayout.folder(ob, period);
        // key: ob, period, number -> revision -> extension -> object
        Map<List<String>, TreeMap<Integer, Map<String, StoredObjectInfo>>> invoices = new TreeMap<>(
                Comparator.<List<String>, String>comparing(k -> k.get(0)).thenComparing(k -> k.get(1))
                        .thenComparing(k -> k.get(2)));
        for (StoredObjectInfo info : store.list(prefix)) {
            InvoiceLayout.parse(info.name()).ifPresent(p -> {
                if ((ob == null || ob.equals(p.ob())) && (period == null || period.equals(p.period()))) {
                    invoices.computeIfAbsent(List.of(p.ob(), p.period(), p.number()), k -> new TreeMap<>())
                            .computeIfAbsent(p.revision(), r -> new TreeMap<>()).put(p.extension(), info);
                }
            });
        }
        List<HistoryEntry> entries = new ArrayList<>();
        invoices.forEach((key, revisions) -> entries.addAll(entries(key, revisions)));
        return List.copyOf(entries);
    }

    private static List<HistoryEntry> entries(List<String> key, TreeMap<Integer, Map<String, StoredObjectInfo>> revisions) {
        int latest = revisions.entrySet().stream().filter(e -> e.getValue().containsKey(JSON_EXTENSION))
                .mapToInt(Map.Entry::getKey).max().orElse(0);
        int highest = revisions.lastKey();
        List<HistoryEntry> entries = new ArrayList<>();
        revisions.forEach((revision, files) -> {
            StoredObjectInfo main = files.getOrDefault(JSON_EXTENSION, files.values().iterator().next());
            RevisionState state;
            if (files.containsKey(JSON_EXTENSION)) {
                state = revision == latest ? RevisionState.LATEST : RevisionState.SUPERSEDED;
            } else {
                state = revision == highest ? RevisionState.INTERRUPTED : RevisionState.ABANDONED;
            }
            List<String> names = files.values().stream().map(StoredObjectInfo::name).sorted().toList();
            entries.add(new HistoryEntry(key.get(0), key.get(1), key.get(2), revision, state,
                    main.metadata().get("total"), main.metadata().get("currency"), names));
        });
        return entries;
    }

    /**
     * Reads one complete revision's files, checking each against its stored SHA-256.
     *
     * @param number the invoice number, e.g. {@code LIC-BRA-202610}
     * @param revision the revision, or empty for the latest complete one
     * @return the revision and its files
     * @throws NotStoredException when no revision of that number (or that revision) is stored at all
     * @throws InputDataException when there is no such complete revision, or a file does not
     *                            match its recorded SHA-256 (it was changed after it was stored)
     */
    public RevisionFiles download(String number, OptionalInt revision) {
        requireNonNull(number, "number is null");
        requireNonNull(revision, "revision is null");
        List<HistoryEntry> all = list(null, null).stream().filter(e -> e.number().equals(number))
                .filter(e -> revision.isEmpty() || e.revision() == revision.getAsInt()).toList();
        if (all.isEmpty()) {
            throw new NotStoredException(notStored(number, revision));
        }
        Optional<HistoryEntry> found = revision.isPresent() ? all.stream().findFirst()
                : all.stream().filter(e -> e.state() == RevisionState.LATEST).findFirst();
        HistoryEntry entry = found.orElseThrow(() -> new InputDataException(notStored(number, revision)));
        if (!entry.complete()) {
            throw new InputDataException("revision " + entry.revision() + " of invoice " + number + " is an "
                    + entry.state().name().toLowerCase(java.util.Locale.ROOT) + " write without JSON in "
                    + store.location() + ", not an issued invoice; download a complete revision");
        }
        List<StoredObject> files = new ArrayList<>();
        for (String name : entry.names()) {
            files.add(readChecked(name, true));
        }
        return new RevisionFiles(entry, files);
    }

    private String notStored(String number, OptionalInt revision) {
        return "invoice " + number + (revision.isPresent() ? " revision " + revision.getAsInt() : "")
                + " is not in the store " + store.location() + "; list the stored invoices with 'billing invoices list'";
    }

    /**
     * Thrown by {@link #download} and {@link #downloadTo} when no revision of the invoice number
     * (or the revision asked for) is stored at all: a wrong number rather than bad stored data.
     */
    public static final class NotStoredException extends InputDataException {
        private static final long serialVersionUID = 1L;

        NotStoredException(String message) {
            super(message);
        }
    }

    /**
     * Downloads one complete revision's files into a folder (replacing files of the same
     * name there), after checking every file's SHA-256; nothing is written when a check fails.
     *
     * @param number the invoice number
     * @param revision the revision, or empty for the latest complete one
     * @param dir the target folder (created if needed)
     * @return the written files, sorted
     * @throws NotStoredException as {@link #download}
     * @throws InputDataException as {@link #download}
     */
    public List<Path> downloadTo(String number, OptionalInt revision, Path dir) {
        RevisionFiles files = download(number, revision);
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (StoredObject file : files.files()) {
                Path target = dir.resolve(file.name().substring(file.name().lastIndexOf('/') + 1));
                Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
                Files.write(temp, file.bytes());
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                written.add(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the invoice files to " + dir + ": " + e.getMessage(), e);
        }
        return List.copyOf(written);
    }

    /**
     * Reads a listed object and checks it against its recorded SHA-256.
     *
     * @param requireRecorded whether a file without a recorded SHA-256 (its metadata lost) is refused:
     *                        yes for a download, which hands the bytes out as the stored invoice; no for
     *                        a run comparing its invoice with what is stored (it compares the content
     *                        itself, and refusing would block the OB and period for good)
     */
    private StoredObject readChecked(String name, boolean requireRecorded) {
        StoredObject object = store.read(name).orElseThrow(() -> new InputDataException(store.location() + "/" + name
                + " was listed but cannot be read; check that nobody deletes files from the invoice store"));
        String recorded = object.metadata().get("sha256");
        if (recorded == null && !requireRecorded) {
            return object;
        }
        if (recorded == null) {
            throw new InputDataException("stored file " + store.location() + "/" + name + " has no recorded SHA-256 "
                    + "(its metadata was lost, e.g. it was copied without its extended attributes), so it cannot be "
                    + "checked. Restore it with its metadata (cp -a, rsync -aX, or the store's backup) before using it");
        }
        String actual = sha256(object.bytes());
        if (!recorded.equalsIgnoreCase(actual)) {
            throw new InputDataException("stored file " + store.location() + "/" + name + " does not match its "
                    + "recorded SHA-256 (recorded " + recorded + ", actual " + actual + "): it was changed after it "
                    + "was stored. Restore it from the store's versions or backup before using it");
        }
        return object;
    }

    private TreeMap<Integer, Map<String, StoredObjectInfo>> revisions(String ob, String period, String number) {
        TreeMap<Integer, Map<String, StoredObjectInfo>> revisions = new TreeMap<>();
        for (StoredObjectInfo info : store.list(InvoiceLayout.folder(ob, period))) {
            InvoiceLayout.parse(info.name()).filter(p -> p.number().equals(number) && p.ob().equals(ob)
                            && p.period().equals(period))
                    .ifPresent(p -> revisions.computeIfAbsent(p.revision(), r -> new TreeMap<>()).put(p.extension(), info));
        }
        return revisions;
    }

    /**
     * The metadata stored with each file of a revision.
     *
     * @param revision the invoice revision
     * @param bytes the file's bytes
     * @return {@code sha256}, {@code number}, {@code revision}, {@code ob}, {@code period}, {@code total}, {@code currency}
     */
    public static Map<String, String> metadata(Invoice revision, byte[] bytes) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("sha256", sha256(bytes));
        metadata.put("number", revision.number());
        metadata.put("revision", Integer.toString(revision.revision()));
        metadata.put("ob", revision.ob().country());
        metadata.put("period", revision.period().monthText());
        metadata.put("total", total(revision));
        metadata.put("currency", revision.currency().getCurrencyCode());
        return metadata;
    }

    /**
     * The content hash re-runs compare: SHA-256 of the invoice's JSON rendered as revision 1
     * without {@code supersedes} or {@code reason}.
     *
     * @param invoice the invoice
     * @return lower-case hex SHA-256
     */
    public String contentSha256(Invoice invoice) {
        return sha256(json.render(invoice.withRevision(1, null, null)));
    }

    /**
     * A stored invoice JSON with its top-level {@code revision} set to 1 and
     * {@code supersedes} and {@code reason} to {@code null}: the bytes
     * {@link #contentSha256} hashes. Relies on the JSON writer's fixed layout (one
     * top-level member per line, two-space indentation).
     *
     * @param json the JSON bytes
     * @return the canonical bytes
     */
    static byte[] canonicalJson(byte[] json) {
        String[] lines = new String(json, StandardCharsets.UTF_8).split("\n", -1);
        boolean revision = false;
        boolean supersedes = false;
        boolean reason = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String comma = line.endsWith(",") ? "," : "";
            if (!revision && line.startsWith("  \"revision\": ")) {
                lines[i] = "  \"revision\": 1" + comma;
                revision = true;
            } else if (!supersedes && line.startsWith("  \"supersedes\": ")) {
                lines[i] = "  \"supersedes\": null" + comma;
                supersedes = true;
            } else if (!reason && line.startsWith("  \"reason\": ")) {
                lines[i] = "  \"reason\": null" + comma;
                reason = true;
            }
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private static String total(Invoice invoice) {
        return invoice.total().setScale(invoice.currency().getDefaultFractionDigits(), RoundingMode.HALF_EVEN)
                .toPlainString();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
