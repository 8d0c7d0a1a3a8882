package io.aurabilling.dataset.synthetic;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a generation wrote, with the row counts a reader should find when it bills the
 * month with the matching sample configuration ({@link SampleConfig}: same zones,
 * timestamps without offset in UTC) and invoices every generated OB.
 *
 * @param files every file written, {@code Aura_Audit} in day and part order, then the dimensions
 * @param rows {@code Aura_Audit} rows written (exactly the requested count)
 * @param rowsByOb rows per OB code
 * @param billableRowsByOb rows per OB that pass the rules 1-4 of billing-rules.md (the billed queries)
 * @param billableRequestsByOb distinct {@code INTERACTION_ID}s among those rows, per OB
 * @param duplicates exact copies of an earlier row with a valid, in-period timestamp (bucket {@code DUPLICATE})
 * @param badTimestamps rows whose {@code AURA_TM} is not parseable, copies included (bucket {@code BAD_TIMESTAMP})
 * @param outOfPeriod rows with a valid timestamp outside the month in their OB's zone, copies included
 *                    (bucket {@code OUT_OF_PERIOD})
 * @param nullApps rows with a null {@code AURA_APP_ID}
 * @param nullChannels rows with a null {@code AURA_CHANNEL_ID}
 * @param unknownApps rows whose app id is absent from {@code D_Aura_App}
 * @param unknownComponents rows whose component id is absent from {@code D_Aura_Component}
 */
public record GenerationSummary(List<GeneratedFile> files, long rows, Map<String, Long> rowsByOb,
                                Map<String, Long> billableRowsByOb, Map<String, Long> billableRequestsByOb,
                                long duplicates, long badTimestamps, long outOfPeriod, long nullApps,
                                long nullChannels, long unknownApps, long unknownComponents) {

    /** Validates and copies the components (maps sorted by OB code). */
    public GenerationSummary {
        files = List.copyOf(requireNonNull(files, "files is null"));
        rowsByOb = sorted(requireNonNull(rowsByOb, "rowsByOb is null"));
        billableRowsByOb = sorted(requireNonNull(billableRowsByOb, "billableRowsByOb is null"));
        billableRequestsByOb = sorted(requireNonNull(billableRequestsByOb, "billableRequestsByOb is null"));
    }

    /** @return the billable rows of every OB: {@code rows - duplicates - badTimestamps - outOfPeriod} */
    public long billableRows() {
        return billableRowsByOb.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<String, Long> sorted(Map<String, Long> map) {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
