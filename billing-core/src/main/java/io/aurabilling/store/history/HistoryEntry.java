package io.aurabilling.store.history;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One stored revision of an invoice.
 *
 * @param ob the OB code
 * @param period the period, {@code YYYY-MM}
 * @param number the invoice number
 * @param revision the revision
 * @param state latest, superseded, abandoned or interrupted
 * @param total the invoice total as stored in the metadata, or {@code null} when unknown
 * @param currency the currency code as stored in the metadata, or {@code null} when unknown
 * @param names the revision's object names, sorted
 */
public record HistoryEntry(String ob, String period, String number, int revision, RevisionState state, String total,
                           String currency, List<String> names) {
    /** Validates and copies the components. */
    public HistoryEntry {
        requireNonNull(ob, "ob is null");
        requireNonNull(period, "period is null");
        requireNonNull(number, "number is null");
        requireNonNull(state, "state is null");
        names = List.copyOf(names);
    }

    /** @return whether the revision is complete (its JSON is stored) */
    public boolean complete() {
        return state == RevisionState.LATEST || state == RevisionState.SUPERSEDED;
    }
}
