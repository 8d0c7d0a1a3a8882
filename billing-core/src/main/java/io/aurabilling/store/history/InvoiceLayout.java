package io.aurabilling.store.history;

import io.aurabilling.invoice.Invoice;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Object names of the storage contract:
 * {@code ob=<OB>/period=<YYYY-MM>/<number>-r<revision>.<extension>}, relative to the
 * store's root.
 */
public final class InvoiceLayout {
    private static final Pattern NAME =
            Pattern.compile("ob=([^/]+)/period=(\\d{4}-\\d{2})/([^/]+)-r([1-9]\\d{0,8})\\.([A-Za-z0-9]+)");

    private InvoiceLayout() {
    }

    /**
     * The folder of an OB and period, e.g. {@code ob=BRA/period=2026-10/}.
     *
     * @param ob the OB code
     * @param period the period, {@code YYYY-MM}
     * @return the folder name, ending with {@code /}
     */
    public static String folder(String ob, String period) {
        return "ob=" + requireNonNull(ob, "ob is null") + "/period=" + requireNonNull(period, "period is null") + "/";
    }

    /**
     * The object name of one file of an invoice revision.
     *
     * @param invoice the invoice (its number and revision are used)
     * @param extension the file extension without a dot
     * @return e.g. {@code ob=BRA/period=2026-10/LIC-BRA-202610-r1.xlsx}
     */
    public static String name(Invoice invoice, String extension) {
        return name(invoice.ob().country(), invoice.period().monthText(), invoice.number(), invoice.revision(), extension);
    }

    /**
     * The object name of one file of an invoice revision.
     *
     * @param ob the OB code
     * @param period the period, {@code YYYY-MM}
     * @param number the invoice number
     * @param revision the revision
     * @param extension the file extension without a dot
     * @return the object name
     */
    public static String name(String ob, String period, String number, int revision, String extension) {
        return folder(ob, period) + number + "-r" + revision + "." + extension;
    }

    /**
     * Parses an object name of this layout.
     *
     * @param name the object name
     * @return its parts, or empty when the name is not an invoice file of this layout
     */
    public static Optional<Parsed> parse(String name) {
        Matcher m = NAME.matcher(requireNonNull(name, "name is null"));
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(m.group(1), m.group(2), m.group(3), Integer.parseInt(m.group(4)), m.group(5)));
    }

    /**
     * The parts of an invoice file's name.
     *
     * @param ob the OB code
     * @param period the period, {@code YYYY-MM}
     * @param number the invoice number
     * @param revision the revision
     * @param extension the file extension
     */
    public record Parsed(String ob, String period, String number, int revision, String extension) {
        /** Validates the components. */
        public Parsed {
            requireNonNull(ob, "ob is null");
            requireNonNull(period, "period is null");
            requireNonNull(number, "number is null");
            requireNonNull(extension, "extension is null");
        }
    }
}
