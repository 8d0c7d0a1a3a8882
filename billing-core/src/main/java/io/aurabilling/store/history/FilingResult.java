package io.aurabilling.store.history;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The result of filing one invoice, for the run's summary.
 *
 * @param status created, unchanged or completed
 * @param number the invoice number
 * @param revision the revision written, completed or found unchanged
 * @param location the store's location (no secrets)
 * @param names the revision's object names in the store (XLSX first, JSON last)
 * @param abandoned interrupted revisions this filing abandoned (object names), usually empty
 */
public record FilingResult(FilingStatus status, String number, int revision, String location, List<String> names,
                           List<String> abandoned) {
    /** Validates and copies the components. */
    public FilingResult {
        requireNonNull(status, "status is null");
        requireNonNull(number, "number is null");
        requireNonNull(location, "location is null");
        names = List.copyOf(names);
        abandoned = List.copyOf(abandoned);
    }

    /**
     * One line for the run's output, e.g.
     * {@code CREATED LIC-BRA-202610 r1: ob=BRA/period=2026-10/LIC-BRA-202610-r1.xlsx, …}.
     *
     * @return the line
     */
    public String summary() {
        StringBuilder line = new StringBuilder().append(status).append(' ').append(number).append(" r").append(revision)
                .append(": ").append(String.join(", ", names)).append(" in ").append(location);
        if (!abandoned.isEmpty()) {
            line.append(" (abandoned ").append(String.join(", ", abandoned)).append(')');
        }
        return line.toString();
    }
}
