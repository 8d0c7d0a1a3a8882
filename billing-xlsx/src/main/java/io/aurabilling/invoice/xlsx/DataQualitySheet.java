package io.aurabilling.invoice.xlsx;

import io.aurabilling.invoice.DataQuality;
import io.aurabilling.invoice.Invoice;
import io.aurabilling.invoice.Lineage;
import io.aurabilling.usage.Exclusion;
import io.aurabilling.usage.InputFile;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.util.Map;
import java.util.SortedMap;

import static io.aurabilling.invoice.xlsx.SheetRows.range;
import static io.aurabilling.invoice.xlsx.SheetRows.ref;
import static io.aurabilling.invoice.xlsx.WorkbookStyles.Name;
import static java.util.Objects.requireNonNull;

/**
 * The Data-quality-and-lineage sheet: the OB's rows read, billed and excluded by reason (with a
 * check that they add up), unknown ids, unpriced usage, the input files with their SHA-256, the
 * configuration's hash and the library version.
 */
final class DataQualitySheet {
    /** Sheet name. */
    static final String NAME = "Data quality and lineage";
    private static final int COLUMNS = 5;

    private final Invoice invoice;
    private final WorkbookStyles styles;

    /**
     * A renderer for one invoice.
     *
     * @param invoice the invoice
     * @param styles the workbook's styles
     */
    DataQualitySheet(Invoice invoice, WorkbookStyles styles) {
        this.invoice = requireNonNull(invoice, "invoice is null");
        this.styles = requireNonNull(styles, "styles is null");
    }

    /**
     * Writes the sheet.
     *
     * @param sheet an empty sheet
     */
    void write(Sheet sheet) {
        SheetRows rows = new SheetRows(sheet, styles);
        DataQuality dq = invoice.dataQuality();
        rows.wide(rows.row(), 0, "Data quality and lineage, " + invoice.number() + " r" + invoice.revision(),
                Name.TITLE);
        rows.blank();
        rows.wide(rows.row(), 0, "Rows of " + invoice.ob().country() + " in " + invoice.period().monthText(),
                Name.SECTION);
        int readRow = rows.nextIndex();
        countRow(rows, "Rows read", dq.rowsRead(), "every row of this OB that was read");
        int billedRow = rows.nextIndex();
        countRow(rows, "Rows billed", dq.rowsBilled(), "equals the invoice's total queries");
        for (Exclusion e : Exclusion.PER_INVOICE) {
            countRow(rows, "Excluded " + e.name(), dq.excluded(e), explain(e));
        }
        int lastExcluded = rows.nextIndex() - 1;
        int sumRow = rows.nextIndex();
        Row sum = rows.row();
        rows.text(sum, 0, "Billed + excluded", Name.TEXT_BOLD);
        long added = dq.rowsBilled() + dq.missingKey() + dq.badTimestamp() + dq.outOfPeriod() + dq.duplicate();
        rows.countFormula(sum, 1, "SUM(" + range(1, billedRow, lastExcluded) + ")", added, Name.COUNT_BOLD);
        Row check = rows.row();
        rows.text(check, 0, "Check", Name.LABEL);
        rows.textFormula(check, 1, "IF(" + ref(1, sumRow) + "=" + ref(1, readRow) + ",\"OK\",\"MISMATCH\")",
                added == dq.rowsRead() ? "OK" : "MISMATCH", Name.CHECK);
        rows.wide(check, 2, "OK when the rows read are all billed or excluded", Name.NOTE);

        rows.blank();
        rows.wide(rows.row(), 0, "Unknown ids (billed under their raw id)", Name.SECTION);
        if (dq.unknownIds().isEmpty()) {
            rows.wide(rows.row(), 0, "None: every id was found in its dimension.", Name.NOTE);
        } else {
            tableHeader(rows, "Dimension", "Id", "Queries");
            unknown(rows, "D_Aura_Component", dq.unknownIds().component());
            unknown(rows, "D_Aura_App", dq.unknownIds().app());
            unknown(rows, "D_Aura_Channel", dq.unknownIds().channel());
            unknown(rows, "D_Aura_Preset", dq.unknownIds().preset());
        }

        rows.blank();
        rows.wide(rows.row(), 0, "Unpriced usage (no price configured, billed at 0)", Name.SECTION);
        if (dq.unpriced().isEmpty()) {
            rows.wide(rows.row(), 0, "None: every component with usage has a price.", Name.NOTE);
        } else {
            tableHeader(rows, "Component id", "Queries");
            for (Map.Entry<String, Long> e : dq.unpriced().entrySet()) {
                Row row = rows.row();
                rows.text(row, 0, e.getKey(), Name.TEXT);
                rows.count(row, 1, e.getValue(), Name.COUNT);
            }
        }

        Lineage lineage = invoice.lineage();
        rows.blank();
        rows.wide(rows.row(), 0, "Input files", Name.SECTION);
        if (lineage.inputs().isEmpty()) {
            rows.wide(rows.row(), 0, "None recorded.", Name.NOTE);
        } else {
            tableHeader(rows, "Dataset", "Version", "File", "SHA-256", "Rows");
            for (InputFile f : lineage.inputs()) {
                Row row = rows.row();
                rows.text(row, 0, f.dataset(), Name.TEXT);
                rows.text(row, 1, f.version(), Name.TEXT);
                rows.text(row, 2, f.file(), Name.TEXT);
                rows.text(row, 3, f.sha256(), Name.TEXT);
                rows.count(row, 4, f.rows(), Name.COUNT);
            }
        }

        rows.blank();
        rows.wide(rows.row(), 0, "Configuration and software", Name.SECTION);
        Row config = rows.row();
        rows.text(config, 0, "Configuration SHA-256", Name.LABEL);
        rows.wide(config, 1, lineage.configSha256(), Name.TEXT);
        Row version = rows.row();
        rows.text(version, 0, "Library version", Name.LABEL);
        rows.wide(version, 1, "Aura Billing " + lineage.libraryVersion(), Name.TEXT);

        rows.widths().apply(sheet, COLUMNS);
        PageLayout.apply(sheet, 1, -1, invoice.fileBaseName());
    }

    private static void countRow(SheetRows rows, String label, long value, String note) {
        Row row = rows.row();
        rows.text(row, 0, label, Name.LABEL);
        rows.count(row, 1, value, Name.COUNT);
        rows.wide(row, 2, note, Name.NOTE);
    }

    private static void tableHeader(SheetRows rows, String... headers) {
        Row row = rows.row();
        for (int i = 0; i < headers.length; i++) {
            boolean number = "Queries".equals(headers[i]) || "Rows".equals(headers[i]);
            rows.text(row, i, headers[i], number ? Name.HEADER_NUMBER : Name.HEADER);
        }
    }

    private static void unknown(SheetRows rows, String dataset, SortedMap<String, Long> ids) {
        for (Map.Entry<String, Long> e : ids.entrySet()) {
            Row row = rows.row();
            rows.text(row, 0, dataset, Name.TEXT);
            rows.text(row, 1, e.getKey(), Name.TEXT);
            rows.count(row, 2, e.getValue(), Name.COUNT);
        }
    }

    private static String explain(Exclusion e) {
        return switch (e) {
            case MISSING_KEY -> "interaction, component or country id null or blank";
            case BAD_TIMESTAMP -> "AURA_TM missing or not parseable";
            case OUT_OF_PERIOD -> "outside the period in the OB's time zone (normal)";
            case DUPLICATE -> "same interaction and component as an earlier row";
            case OTHER_OB -> "another OB's row";
        };
    }
}
