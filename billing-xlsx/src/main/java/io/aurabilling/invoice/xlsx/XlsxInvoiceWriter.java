package io.aurabilling.invoice.xlsx;

import io.aurabilling.invoice.Invoice;
import io.aurabilling.invoice.InvoiceWriter;
import io.aurabilling.usage.UsageCell;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.LocalDateTime;

import static java.util.Objects.requireNonNull;

/**
 * The Liceo invoice workbook: an {@link InvoiceWriter} named {@code xlsx} that renders an
 * invoice with Apache POI into four sheets: <em>Invoice</em>, <em>Usage by day</em>,
 * <em>Detail</em> (streamed, one row per usage cell) and <em>Data quality and lineage</em>.
 *
 * <p>The plain {@link #write(Invoice, OutputStream)} has only the invoice, which carries no usage
 * cells: its Detail sheet then lists the invoice lines and its Usage-by-day sheet says that daily
 * figures are not available. {@link #write(Invoice, Iterable, OutputStream)} takes the cells too.
 *
 * <p>Deterministic: the same invoice (and cells) gives the same bytes. Document dates are the end
 * of the billing period, zip entries are written in a fixed order with one fixed time, and nothing
 * depends on the clock, the default locale or hash order.
 */
public final class XlsxInvoiceWriter implements InvoiceWriter {
    /** The writer's name. */
    public static final String NAME = "xlsx";
    /** The file extension. */
    public static final String EXTENSION = "xlsx";
    /** The media type of an XLSX workbook. */
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Rows a streamed sheet keeps in memory before flushing them to its temporary file. */
    private static final int ROW_WINDOW = 100;

    /** Creates the writer (stateless; {@link java.util.ServiceLoader} needs a public constructor). */
    public XlsxInvoiceWriter() {
        // stateless
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String fileExtension() {
        return EXTENSION;
    }

    @Override
    public String mediaType() {
        return MEDIA_TYPE;
    }

    /**
     * Writes the workbook without usage cells: the Detail sheet lists the invoice lines.
     *
     * @param invoice the invoice
     * @param out where to write; not closed
     * @throws IOException when writing fails
     */
    @Override
    public void write(Invoice invoice, OutputStream out) throws IOException {
        writeWorkbook(invoice, null, out);
    }

    /**
     * Writes the workbook with every usage cell of the invoice's OB on the Detail sheet and
     * queries per day per component on the Usage-by-day sheet.
     *
     * @param invoice the invoice
     * @param cells the usage cells the invoice was priced from, in {@link io.aurabilling.usage.UsageKey#ORDER}
     *              (as {@code UsageAggregate.cells()} gives them); cells of other countries are skipped.
     *              Iterated twice, so a lazily generated source must give the same cells both times
     * @param out where to write; not closed
     * @throws IOException when writing fails
     * @throws IllegalArgumentException when the cells are out of order, outside the period, or do not
     *                                  add up to the invoice's queries per component
     */
    @Override
    public void write(Invoice invoice, List<UsageCell> cells, OutputStream out) throws IOException {
        writeWorkbook(invoice, requireNonNull(cells, "cells is null"), out);
    }

    /**
     * Renders the workbook with usage cells to bytes.
     *
     * @param invoice the invoice
     * @param cells the usage cells, as for {@link #write(Invoice, List, OutputStream)}
     * @return the workbook's bytes
     */
    @Override
    public byte[] render(Invoice invoice, List<UsageCell> cells) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(invoice, cells, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render invoice " + invoice.number() + " as " + NAME, e);
        }
        return out.toByteArray();
    }

    private static void writeWorkbook(Invoice invoice, Iterable<UsageCell> cells, OutputStream out)
            throws IOException {
        requireNonNull(invoice, "invoice is null");
        requireNonNull(out, "out is null");
        // first pass: checks the cells before anything is written
        DailyUsage usage = cells == null ? null : DailyUsage.of(invoice, cells, DetailSheet.ROWS_PER_SHEET);
        Path packed = Files.createTempFile("aura-invoice-", ".xlsx");
        try {
            SXSSFWorkbook workbook = new SXSSFWorkbook(new XSSFWorkbook(), ROW_WINDOW, true, false);
            try {
                WorkbookStyles styles = new WorkbookStyles(workbook, CurrencyFormat.of(invoice.currency()));
                new InvoiceSheet(invoice, styles).write(workbook.createSheet(InvoiceSheet.NAME));
                workbook.createSheet(UsageByDaySheet.NAME);
                new UsageByDaySheet(invoice, styles).write(workbook.getSheet(UsageByDaySheet.NAME),
                        workbook.getXSSFWorkbook().getSheet(UsageByDaySheet.NAME), usage);
                DetailSheet detail = new DetailSheet(invoice, styles);
                if (usage == null) {
                    detail.writeLines(workbook);
                } else {
                    detail.writeCells(workbook, cells, usage);
                }
                new DataQualitySheet(invoice, styles).write(workbook.createSheet(DataQualitySheet.NAME));
                workbook.setActiveSheet(0);
                workbook.setSelectedTab(0);
                DocumentProperties.apply(workbook.getXSSFWorkbook().getProperties(), invoice);
                try (OutputStream file = Files.newOutputStream(packed)) {
                    workbook.write(file);
                }
            } finally {
                workbook.close();
            }
            DeterministicZip.repack(packed, entryTime(invoice), out);
        } finally {
            Files.deleteIfExists(packed);
        }
    }

    /** Zip entries carry the local midnight that ends the billing period, a date from the invoice. */
    private static LocalDateTime entryTime(Invoice invoice) {
        return invoice.period().month().plusMonths(1).atDay(1).atStartOfDay();
    }
}
