package io.aurabilling.invoice.xlsx;

import io.aurabilling.invoice.Invoice;
import io.aurabilling.invoice.InvoiceComponent;
import io.aurabilling.invoice.InvoiceLine;
import io.aurabilling.usage.UsageCell;
import io.aurabilling.usage.UsageKey;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.aurabilling.invoice.xlsx.SheetRows.range;
import static io.aurabilling.invoice.xlsx.WorkbookStyles.Name;
import static java.util.Objects.requireNonNull;

/**
 * The Detail sheet: every usage cell of the OB, one row each, streamed so that a million rows
 * need no more memory than a hundred. When the cells do not fit in one sheet they continue on
 * {@code Detail (2)}, {@code Detail (3)}, … Without cells it lists the invoice lines instead.
 */
final class DetailSheet {
    /** Name of the first Detail sheet. */
    static final String NAME = "Detail";
    /** 0-based row of the table header; data starts below it. */
    static final int HEADER_ROW = 3;
    /** Rows of cells one sheet holds. */
    static final int ROWS_PER_SHEET = SpreadsheetVersion.EXCEL2007.getMaxRows() - HEADER_ROW - 1;
    /** The note shown when no usage cells were handed over. */
    static final String NO_CELLS = "Usage cells were not handed to the writer: one row per invoice line "
            + "(component and app) instead of one per usage cell.";

    /** Column headers with cells. */
    static final List<String> CELL_HEADERS = List.of("Day", "Component", "Component id", "App", "App id",
            "Channel", "Service", "Preset", "Queries");
    /** Column headers without cells. */
    static final List<String> LINE_HEADERS = List.of("Component", "Component id", "App", "App id", "Queries");

    private static final int QUERIES = 8;

    private final Invoice invoice;
    private final WorkbookStyles styles;

    /**
     * A renderer for one invoice.
     *
     * @param invoice the invoice
     * @param styles the workbook's styles
     */
    DetailSheet(Invoice invoice, WorkbookStyles styles) {
        this.invoice = requireNonNull(invoice, "invoice is null");
        this.styles = requireNonNull(styles, "styles is null");
    }

    /**
     * Streams the OB's cells into one or more Detail sheets.
     *
     * @param workbook the streamed workbook
     * @param cells the cells, in {@link UsageKey#ORDER} (checked by {@link DailyUsage})
     * @param usage the first pass over the same cells
     */
    void writeCells(Workbook workbook, Iterable<UsageCell> cells, DailyUsage usage) {
        Map<String, String> componentNames = new TreeMap<>();
        Map<String, String> appNames = new TreeMap<>();
        for (InvoiceComponent c : invoice.components()) {
            componentNames.put(c.componentId(), c.componentName());
            for (InvoiceLine line : c.lines()) {
                if (line.appId() != null) {
                    appNames.put(line.appId(), line.appName());
                }
            }
        }
        List<Long> perSheet = usage.queriesPerSheet();
        int sheets = Math.max(1, perSheet.size());
        String country = invoice.ob().country();
        SheetRows rows = start(workbook, 0, sheets, perSheet.isEmpty() ? 0 : perSheet.get(0), usage.rows());
        int sheetIndex = 0;
        long written = 0;
        for (UsageCell cell : cells) {
            if (!cell.country().equals(country)) {
                continue;
            }
            if (written > 0 && written % ROWS_PER_SHEET == 0) {
                finish(rows);
                sheetIndex++;
                rows = start(workbook, sheetIndex, sheets, perSheet.get(sheetIndex), usage.rows());
            }
            UsageKey key = cell.key();
            Row row = rows.row();
            rows.date(row, 0, key.day(), Name.DATE);
            rows.text(row, 1, componentNames.getOrDefault(key.componentId(), key.componentId()), Name.TEXT);
            rows.text(row, 2, key.componentId(), Name.TEXT);
            if (key.appId() == null) {
                rows.text(row, 3, "(unattributed)", Name.TEXT);
            } else {
                rows.text(row, 3, appNames.getOrDefault(key.appId(), key.appId()), Name.TEXT);
                rows.text(row, 4, key.appId(), Name.TEXT);
            }
            rows.text(row, 5, key.channelId() == null ? "(unknown)" : key.channelId(), Name.TEXT);
            rows.text(row, 6, key.service(), Name.TEXT);
            if (key.preset() != null) {
                rows.text(row, 7, key.preset(), Name.TEXT);
            }
            rows.count(row, QUERIES, cell.queries(), Name.COUNT);
            written++;
        }
        if (written != usage.rows()) {
            throw new IllegalStateException("usage cells of " + country + " changed between two passes ("
                    + usage.rows() + " then " + written + " cells); hand over an Iterable that can be read twice");
        }
        finish(rows);
    }

    private SheetRows start(Workbook workbook, int index, int sheets, long queries, long cells) {
        String name = index == 0 ? NAME : NAME + " (" + (index + 1) + ")";
        SheetRows rows = new SheetRows(workbook.createSheet(name), styles);
        String part = sheets > 1 ? " (part " + (index + 1) + " of " + sheets + ")" : "";
        rows.wide(rows.row(), 0, "Usage cells, " + invoice.ob().name() + ", " + invoice.period().monthText() + part,
                Name.TITLE);
        Row total = rows.row();
        rows.wide(total, 0, CurrencyFormat.group(Long.toString(cells)) + " cells; days in "
                + invoice.period().zone().getId() + "; queries on this sheet:", Name.NOTE);
        int first = HEADER_ROW + 1;
        long rowsHere = Math.min(ROWS_PER_SHEET, cells - (long) index * ROWS_PER_SHEET);
        if (rowsHere > 0) {
            rows.countFormula(total, QUERIES, "SUM(" + range(QUERIES, first, first + (int) rowsHere - 1) + ")",
                    queries, Name.COUNT_BOLD);
        } else {
            rows.count(total, QUERIES, 0, Name.COUNT_BOLD);
        }
        rows.blank();
        header(rows, CELL_HEADERS);
        return rows;
    }

    private void finish(SheetRows rows) {
        Sheet sheet = rows.sheet();
        rows.widths().apply(sheet, CELL_HEADERS.size());
        int last = Math.max(HEADER_ROW, rows.nextIndex() - 1);
        sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, last, 0, CELL_HEADERS.size() - 1));
        PageLayout.apply(sheet, HEADER_ROW + 1, HEADER_ROW, invoice.fileBaseName());
    }

    /**
     * Writes the Detail sheet from the invoice lines, when no cells were handed over.
     *
     * @param workbook the workbook
     */
    void writeLines(Workbook workbook) {
        SheetRows rows = new SheetRows(workbook.createSheet(NAME), styles);
        rows.wide(rows.row(), 0, "Invoice lines, " + invoice.ob().name() + ", " + invoice.period().monthText(),
                Name.TITLE);
        rows.wide(rows.row(), 0, NO_CELLS, Name.NOTE);
        rows.blank();
        header(rows, LINE_HEADERS);
        List<InvoiceComponent> components = new ArrayList<>(invoice.components());
        for (InvoiceComponent c : components) {
            for (InvoiceLine line : c.lines()) {
                Row row = rows.row();
                rows.text(row, 0, c.componentName(), Name.TEXT);
                rows.text(row, 1, c.componentId(), Name.TEXT);
                rows.text(row, 2, line.appName(), Name.TEXT);
                if (line.appId() != null) {
                    rows.text(row, 3, line.appId(), Name.TEXT);
                }
                rows.count(row, 4, line.queries(), Name.COUNT);
            }
        }
        rows.widths().apply(rows.sheet(), LINE_HEADERS.size());
        PageLayout.apply(rows.sheet(), HEADER_ROW + 1, HEADER_ROW, invoice.fileBaseName());
    }

    private static void header(SheetRows rows, List<String> headers) {
        Row header = rows.row();
        for (int i = 0; i < headers.size(); i++) {
            boolean number = "Queries".equals(headers.get(i));
            rows.text(header, i, headers.get(i), number ? Name.HEADER_NUMBER : Name.HEADER);
        }
    }
}
