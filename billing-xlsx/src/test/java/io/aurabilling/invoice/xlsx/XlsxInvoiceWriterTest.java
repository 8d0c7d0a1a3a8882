package io.aurabilling.invoice.xlsx;

import io.aurabilling.invoice.Invoice;
import io.aurabilling.invoice.InvoiceWriter;
import io.aurabilling.usage.UsageCell;
import io.aurabilling.usage.UsageKey;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.aurabilling.invoice.xlsx.TestInvoices.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class XlsxInvoiceWriterTest {
    private final XlsxInvoiceWriter writer = new XlsxInvoiceWriter();

    static XSSFWorkbook read(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    /** The first row whose column A reads exactly {@code label}. */
    static Row rowLabelled(Sheet sheet, String label) {
        for (Row row : sheet) {
            Cell a = row.getCell(0);
            if (a != null && a.getCellType() == CellType.STRING && a.getStringCellValue().equals(label)) {
                return row;
            }
        }
        throw new AssertionError("no row labelled '" + label + "' on " + sheet.getSheetName());
    }

    static List<Row> rowsWithText(Sheet sheet, int column, String text) {
        List<Row> rows = new ArrayList<>();
        for (Row row : sheet) {
            Cell c = row.getCell(column);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(text)) {
                rows.add(row);
            }
        }
        return rows;
    }

    static void assertAmount(String expected, Cell cell) {
        assertEquals(0, d(expected).compareTo(BigDecimal.valueOf(numeric(cell))),
                () -> "cell " + cell.getAddress() + ": expected " + expected + " but was " + numeric(cell));
    }

    static double numeric(Cell cell) {
        return cell.getCellType() == CellType.FORMULA ? cell.getNumericCellValue() : cell.getNumericCellValue();
    }

    static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void isFoundByServiceLoaderWithItsNameExtensionAndMediaType() {
        InvoiceWriter found = null;
        for (InvoiceWriter w : ServiceLoader.load(InvoiceWriter.class)) {
            if (w.name().equals("xlsx")) {
                found = w;
            }
        }
        assertNotNull(found, "no InvoiceWriter named xlsx on the class path");
        assertTrue(found instanceof XlsxInvoiceWriter);
        assertEquals("xlsx", found.fileExtension());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", found.mediaType());
    }

    @Test
    void invoiceSheetShowsEveryFigureOfTheWorkedExample() throws IOException {
        try (XSSFWorkbook wb = read(writer.render(TestInvoices.workedExample()))) {
            assertEquals(List.of("Invoice", "Usage by day", "Detail", "Data quality and lineage"),
                    List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3)));
            Sheet s = wb.getSheet("Invoice");
            assertEquals("Aura Global Team", rowLabelled(s, "Issuer").getCell(1).getStringCellValue());
            assertEquals("Distrito Telefónica, Madrid", rowLabelled(s, "Address").getCell(1).getStringCellValue());
            assertEquals("Telefônica Brasil", rowLabelled(s, "Bill to").getCell(1).getStringCellValue());
            assertEquals("BRA", rowLabelled(s, "Country").getCell(1).getStringCellValue());
            Cell from = rowLabelled(s, "Period from").getCell(1);
            assertEquals(LocalDateTime.of(2026, 10, 1, 0, 0), from.getLocalDateTimeCellValue(), "a real date");
            assertEquals(LocalDateTime.of(2026, 10, 31, 0, 0),
                    rowLabelled(s, "Period to").getCell(1).getLocalDateTimeCellValue());
            assertEquals("America/Sao_Paulo", rowLabelled(s, "Time zone").getCell(1).getStringCellValue());
            assertEquals("LIC-BRA-202610", valueRight(s, "Invoice number"));
            assertEquals("1", valueRight(s, "Revision"));
            assertEquals("EUR", valueRight(s, "Currency"));
            assertEquals("per-query", valueRight(s, "Invoicing model"));
            assertEquals("2026-10", valueRight(s, "Billing period"));

            List<Row> lines = rowsWithText(s, 0, "Aura Groot");
            assertEquals(2, lines.size());
            Row vivo = lines.get(0);
            assertEquals("aura-groot", vivo.getCell(1).getStringCellValue());
            assertEquals("Meu Vivo", vivo.getCell(2).getStringCellValue());
            assertEquals("mi-vivo", vivo.getCell(3).getStringCellValue());
            assertEquals(1_000_000d, vivo.getCell(4).getNumericCellValue());
            assertAmount("0.001", vivo.getCell(5));
            assertAmount("1000.00", vivo.getCell(6));
            Row unattributed = lines.get(1);
            assertEquals("(unattributed)", unattributed.getCell(2).getStringCellValue());
            assertNull(unattributed.getCell(3));
            assertEquals(200_345d, unattributed.getCell(4).getNumericCellValue());
            assertAmount("200.35", unattributed.getCell(6));
            assertAmount("200.345", unattributed.getCell(7));

            Row sub = rowLabelled(s, "Subtotal Aura Groot");
            int first = vivo.getRowNum() + 1;
            int last = unattributed.getRowNum() + 1;
            assertEquals("SUM(E" + first + ":E" + last + ")", sub.getCell(4).getCellFormula());
            assertEquals(1_200_345d, sub.getCell(4).getNumericCellValue(), "cached");
            assertEquals("SUM(G" + first + ":G" + last + ")", sub.getCell(6).getCellFormula());
            assertAmount("1200.35", sub.getCell(6));

            Row subtotal = rowLabelled(s, "Subtotal");
            assertEquals(CellType.FORMULA, subtotal.getCell(6).getCellType());
            assertAmount("1200.35", subtotal.getCell(6));
            Row discount = rowLabelled(s, "Discount 5%");
            assertEquals("discount-percent", discount.getCell(1).getStringCellValue());
            assertAmount("-60.02", discount.getCell(6));
            Row total = rowLabelled(s, "Total");
            assertEquals(CellType.FORMULA, total.getCell(6).getCellType());
            assertAmount("1140.33", total.getCell(6));
            Row queries = rowLabelled(s, "Total queries");
            assertEquals(CellType.FORMULA, queries.getCell(4).getCellType());
            assertEquals(1_200_345d, queries.getCell(4).getNumericCellValue());
            assertEquals(987_654d, rowLabelled(s, "Total requests").getCell(4).getNumericCellValue());
            assertAmount("1140.33", rowLabelled(s, "Engine total").getCell(6));
            Cell check = rowLabelled(s, "Check").getCell(6);
            assertEquals(CellType.FORMULA, check.getCellType());
            assertTrue(check.getCellFormula().startsWith("IF(ROUND(G" + (total.getRowNum() + 1) + "-G"));
            assertEquals("OK", check.getStringCellValue());
        }
    }

    private static String valueRight(Sheet s, String label) {
        List<Row> rows = rowsWithText(s, 4, label);
        assertEquals(1, rows.size(), label);
        return rows.get(0).getCell(5).getStringCellValue();
    }

    @Test
    void cachedFormulaValuesEqualWhatASpreadsheetRecalculates() throws IOException {
        for (Invoice invoice : List.of(TestInvoices.workedExample(), TestInvoices.graduated(),
                TestInvoices.flatFee(), TestInvoices.packageGbp(), TestInvoices.yen())) {
            byte[] bytes = invoice == TestInvoices.workedExample() ? null : writer.render(invoice);
            try (XSSFWorkbook wb = read(bytes != null ? bytes
                    : writer.render(invoice, TestInvoices.workedExampleCells()))) {
                XSSFFormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
                int formulas = 0;
                for (Sheet sheet : wb) {
                    for (Row row : sheet) {
                        for (Cell cell : row) {
                            if (cell.getCellType() != CellType.FORMULA) {
                                continue;
                            }
                            formulas++;
                            var value = evaluator.evaluate(cell);
                            if (cell.getCachedFormulaResultType() == CellType.STRING) {
                                assertEquals(value.getStringValue(), cell.getStringCellValue(), cell.getAddress()::toString);
                            } else {
                                assertEquals(value.getNumberValue(), cell.getNumericCellValue(), 1e-9,
                                        () -> invoice.number() + " " + sheet.getSheetName() + "!" + cell.getAddress());
                            }
                        }
                    }
                }
                assertTrue(formulas >= 5, "subtotals, totals and checks are formulas: " + formulas);
            }
        }
    }

    @Test
    void checkCellShowsMismatchWhenTheEngineTotalDiffersFromTheLines() throws IOException {
        Invoice wrong = TestInvoices.workedExample().toBuilder().total(d("1140.34")).build();
        try (XSSFWorkbook wb = read(writer.render(wrong))) {
            Sheet s = wb.getSheet("Invoice");
            assertAmount("1140.33", rowLabelled(s, "Total").getCell(6));
            assertAmount("1140.34", rowLabelled(s, "Engine total").getCell(6));
            assertEquals("MISMATCH", rowLabelled(s, "Check").getCell(6).getStringCellValue());
        }
    }

    @Test
    void tiersFeesAndRevisionAreShown() throws IOException {
        try (XSSFWorkbook wb = read(writer.render(TestInvoices.graduated()))) {
            Sheet s = wb.getSheet("Invoice");
            assertEquals("Invoice LIC-ESP-202610 (revision 2)", s.getRow(0).getCell(0).getStringCellValue());
            assertEquals("LIC-ESP-202610-r1", valueRight(s, "Supersedes"));
            assertEquals("late Aura_Audit files for 2026-10-30", valueRight(s, "Reason"));
            Row tier1 = rowsWithText(s, 2, "Tier 1: 1 – 1,000,000").get(0);
            assertEquals(1_000_000d, tier1.getCell(4).getNumericCellValue());
            assertAmount("0.0010", tier1.getCell(5));
            assertAmount("1000", tier1.getCell(7));
            Row tier2 = rowsWithText(s, 2, "Tier 2: 1,000,001 – 5,000,000").get(0);
            assertEquals(500_000d, tier2.getCell(4).getNumericCellValue());
            assertAmount("0.0008", tier2.getCell(5));
            Row tier3 = rowsWithText(s, 2, "Tier 3: above 5,000,000").get(0);
            assertEquals(0d, tier3.getCell(4).getNumericCellValue());
            assertNull(tier1.getCell(6), "tier rows have no amount, so no one adds them twice");
            assertEquals(1, rowsWithText(s, 2, "Tier 1: all queries").size());
            assertAmount("1400.00", rowLabelled(s, "Subtotal Aura Groot").getCell(6));
            assertAmount("5.00", rowLabelled(s, "Subtotal aura-x").getCell(6));
            assertAmount("1405.00", rowLabelled(s, "Total").getCell(6));
            assertEquals(1_510_000d, rowLabelled(s, "Total queries").getCell(4).getNumericCellValue());
        }
        try (XSSFWorkbook wb = read(writer.render(TestInvoices.packageGbp()))) {
            Sheet s = wb.getSheet("Invoice");
            Row pkg = rowsWithText(s, 2, "121 packages of 10,000 queries (price per package)").get(0);
            assertAmount("4.50", pkg.getCell(5));
            assertAmount("544.50", pkg.getCell(7));
        }
        try (XSSFWorkbook wb = read(writer.render(TestInvoices.flatFee()))) {
            Sheet s = wb.getSheet("Invoice");
            Row fee = rowLabelled(s, "Flat fee");
            assertEquals("flat-fee", fee.getCell(1).getStringCellValue());
            assertAmount("2500.00", fee.getCell(6));
            Row subtotal = rowLabelled(s, "Subtotal");
            assertTrue(subtotal.getCell(6).getCellFormula().contains("G" + (fee.getRowNum() + 1)));
            assertAmount("2500.00", subtotal.getCell(6));
            assertAmount("2500.00", rowLabelled(s, "Total").getCell(6));
            assertAmount("0", rowLabelled(s, "Subtotal Aura Groot").getCell(6));
        }
    }

    @Test
    void writingTheSameInvoiceTwiceGivesTheSameBytesWhateverTheZoneAndLocale() throws Exception {
        Invoice invoice = TestInvoices.workedExample();
        List<UsageCell> cells = TestInvoices.workedExampleCells();
        String first = sha256(writer.render(invoice, cells));
        String plain = sha256(writer.render(invoice));
        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            Locale.setDefault(Locale.forLanguageTag("de-DE"));
            Thread.sleep(1100); // a clock-dependent second would show
            assertEquals(first, sha256(writer.render(invoice, cells)));
            assertEquals(plain, sha256(writer.render(invoice)));
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
        assertTrue(!first.equals(plain), "with and without cells are different workbooks");
        Invoice other = invoice.withRevision(2, "LIC-BRA-202610-r1", "test");
        assertTrue(!first.equals(sha256(writer.render(other, cells))), "a different invoice gives other bytes");
    }

    @Test
    void zipEntriesHaveAFixedOrderAndTime() throws IOException {
        byte[] bytes = writer.render(TestInvoices.workedExample(), TestInvoices.workedExampleCells());
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                names.add(e.getName());
                assertEquals(LocalDateTime.of(2026, 11, 1, 0, 0), e.getTimeLocal(), e.getName());
            }
        }
        assertEquals("[Content_Types].xml", names.get(0));
        assertEquals("_rels/.rels", names.get(1));
        List<String> rest = new ArrayList<>(names.subList(2, names.size()));
        List<String> sorted = new ArrayList<>(rest);
        sorted.sort(null);
        assertEquals(sorted, rest);
    }

    @Test
    void documentPropertiesComeFromTheInvoice() throws IOException {
        try (XSSFWorkbook wb = read(writer.render(TestInvoices.workedExample()))) {
            POIXMLProperties.CoreProperties core = wb.getProperties().getCoreProperties();
            assertEquals("Invoice LIC-BRA-202610 r1, Telefônica Brasil, 2026-10", core.getTitle());
            assertEquals("Aura Global Team", core.getCreator());
            assertEquals("LIC-BRA-202610-r1", core.getIdentifier());
            // the period ends at midnight in São Paulo (UTC-3)
            Date end = Date.from(Instant.parse("2026-11-01T03:00:00Z"));
            assertEquals(end, core.getCreated());
            assertEquals(end, core.getModified());
            POIXMLProperties.CustomProperties custom = wb.getProperties().getCustomProperties();
            assertEquals("LIC-BRA-202610", custom.getProperty("Invoice number").getLpwstr());
            assertEquals(1, custom.getProperty("Revision").getI4());
            assertEquals("1140.33", custom.getProperty("Total").getLpwstr());
        }
    }

    @Test
    void usageByDayShowsQueriesPerDayPerComponentWithAChart() throws IOException {
        List<UsageCell> cells = TestInvoices.workedExampleCells();
        try (XSSFWorkbook wb = read(writer.render(TestInvoices.workedExample(), cells))) {
            XSSFSheet s = wb.getSheet("Usage by day");
            Row header = s.getRow(UsageByDaySheet.HEADER_ROW);
            assertEquals("Day", header.getCell(0).getStringCellValue());
            assertEquals("Aura Groot", header.getCell(1).getStringCellValue());
            assertEquals("Total", header.getCell(2).getStringCellValue());
            for (int day = 1; day <= 31; day++) {
                Row row = s.getRow(UsageByDaySheet.HEADER_ROW + day);
                assertEquals(LocalDateTime.of(2026, 10, day, 0, 0), row.getCell(0).getLocalDateTimeCellValue());
                long expected = 0;
                for (UsageCell c : cells) {
                    if (c.country().equals("BRA") && c.key().day().getDayOfMonth() == day) {
                        expected += c.queries();
                    }
                }
                assertEquals((double) expected, row.getCell(1).getNumericCellValue(), "day " + day);
                assertEquals((double) expected, row.getCell(2).getNumericCellValue(), "day total " + day);
            }
            Row total = rowLabelled(s, "Total");
            assertEquals("SUM(B5:B35)", total.getCell(1).getCellFormula());
            assertEquals(1_200_345d, total.getCell(1).getNumericCellValue());
            assertEquals(1_200_345d, total.getCell(2).getNumericCellValue());
            XSSFDrawing drawing = s.getDrawingPatriarch();
            assertNotNull(drawing, "a chart");
            assertEquals(1, drawing.getCharts().size());
            assertEquals(1, drawing.getCharts().get(0).getChartSeries().get(0).getSeriesCount());
        }
    }

    @Test
    void withoutCellsTheSheetsSaySoAndDetailListsTheLines() throws IOException {
        try (XSSFWorkbook wb = read(writer.render(TestInvoices.workedExample()))) {
            assertEquals(UsageByDaySheet.NO_CELLS, wb.getSheet("Usage by day").getRow(2).getCell(0).getStringCellValue());
            Sheet detail = wb.getSheet("Detail");
            assertEquals(DetailSheet.NO_CELLS, detail.getRow(1).getCell(0).getStringCellValue());
            Row header = detail.getRow(DetailSheet.HEADER_ROW);
            assertEquals("Component", header.getCell(0).getStringCellValue());
            assertEquals("Queries", header.getCell(4).getStringCellValue());
            Row first = detail.getRow(DetailSheet.HEADER_ROW + 1);
            assertEquals("Meu Vivo", first.getCell(2).getStringCellValue());
            assertEquals(1_000_000d, first.getCell(4).getNumericCellValue());
            Row second = detail.getRow(DetailSheet.HEADER_ROW + 2);
            assertEquals("(unattributed)", second.getCell(2).getStringCellValue());
            assertEquals(200_345d, second.getCell(4).getNumericCellValue());
        }
    }

    @Test
    void detailHasEveryCellOfTheObAndNoOtherOb() throws IOException {
        List<UsageCell> cells = TestInvoices.workedExampleCells();
        try (XSSFWorkbook wb = read(writer.render(TestInvoices.workedExample(), cells))) {
            Sheet s = wb.getSheet("Detail");
            assertEquals(DetailSheet.CELL_HEADERS.get(8), s.getRow(DetailSheet.HEADER_ROW).getCell(8).getStringCellValue());
            int r = DetailSheet.HEADER_ROW + 1;
            for (UsageCell c : cells) {
                if (!c.country().equals("BRA")) {
                    continue;
                }
                Row row = s.getRow(r++);
                UsageKey k = c.key();
                assertEquals(k.day().atStartOfDay(), row.getCell(0).getLocalDateTimeCellValue());
                assertEquals("Aura Groot", row.getCell(1).getStringCellValue());
                assertEquals(k.componentId(), row.getCell(2).getStringCellValue());
                assertEquals(k.appId() == null ? "(unattributed)" : "Meu Vivo", row.getCell(3).getStringCellValue());
                assertEquals(k.channelId() == null ? "(unknown)" : k.channelId(), row.getCell(5).getStringCellValue());
                assertEquals(k.service(), row.getCell(6).getStringCellValue());
                if (k.preset() == null) {
                    assertNull(row.getCell(7));
                } else {
                    assertEquals(k.preset(), row.getCell(7).getStringCellValue());
                }
                assertEquals((double) c.queries(), row.getCell(8).getNumericCellValue());
            }
            assertEquals(DetailSheet.HEADER_ROW + 1 + 62, r);
            assertNull(s.getRow(r), "the ESP cell is not on the BRA invoice");
            Cell total = s.getRow(1).getCell(8);
            assertEquals("SUM(I5:I66)", total.getCellFormula());
            assertEquals(1_200_345d, total.getNumericCellValue());
            assertEquals(DetailSheet.HEADER_ROW + 1, s.getPaneInformation().getHorizontalSplitPosition());
        }
    }

    @Test
    void cellsThatDoNotMatchTheInvoiceAreRefused() {
        Invoice invoice = TestInvoices.workedExample();
        List<UsageCell> cells = new ArrayList<>(TestInvoices.workedExampleCells());
        cells.remove(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> writer.render(invoice, cells));
        assertTrue(e.getMessage().contains("LIC-BRA-202610"), e.getMessage());
        List<UsageCell> reversed = new ArrayList<>(TestInvoices.workedExampleCells());
        java.util.Collections.swap(reversed, 0, 1);
        assertThrows(IllegalArgumentException.class, () -> writer.render(invoice, reversed));
        List<UsageCell> outside = new ArrayList<>(TestInvoices.workedExampleCells());
        outside.set(0, new UsageCell(new UsageKey("BRA", LocalDate.of(2026, 9, 30), "aura-groot", "mi-vivo", "web",
                "message", null), 32_258));
        assertThrows(IllegalArgumentException.class, () -> writer.render(invoice, outside));
    }

    @Test
    void dataQualityAndLineageAreShown() throws IOException {
        try (XSSFWorkbook wb = read(writer.render(TestInvoices.graduated()))) {
            Sheet s = wb.getSheet("Data quality and lineage");
            assertEquals(1_510_020d, rowLabelled(s, "Rows read").getCell(1).getNumericCellValue());
            assertEquals(1_510_000d, rowLabelled(s, "Rows billed").getCell(1).getNumericCellValue());
            assertEquals(5d, rowLabelled(s, "Excluded MISSING_KEY").getCell(1).getNumericCellValue());
            assertEquals(4d, rowLabelled(s, "Excluded BAD_TIMESTAMP").getCell(1).getNumericCellValue());
            assertEquals(3d, rowLabelled(s, "Excluded OUT_OF_PERIOD").getCell(1).getNumericCellValue());
            assertEquals(8d, rowLabelled(s, "Excluded DUPLICATE").getCell(1).getNumericCellValue());
            assertEquals(1_510_020d, rowLabelled(s, "Billed + excluded").getCell(1).getNumericCellValue());
            assertEquals("OK", rowLabelled(s, "Check").getCell(1).getStringCellValue());
            List<Row> unknownComponents = rowsWithText(s, 0, "D_Aura_Component");
            assertEquals("aura-x", unknownComponents.get(0).getCell(1).getStringCellValue());
            assertEquals(10_000d, unknownComponents.get(0).getCell(2).getNumericCellValue());
            assertEquals("ch-9", rowsWithText(s, 0, "D_Aura_Channel").get(0).getCell(1).getStringCellValue());
            assertEquals(10_000d, rowLabelled(s, "aura-x").getCell(1).getNumericCellValue(), "unpriced");
            List<Row> files = rowsWithText(s, 0, "Aura_Audit");
            assertEquals(2, files.size());
            assertEquals("Aura_Audit/DAY_DT=2026-10-01/part-0.avro", files.get(0).getCell(2).getStringCellValue());
            assertEquals(TestInvoices.FILE_SHA, files.get(0).getCell(3).getStringCellValue());
            assertEquals(10d, files.get(0).getCell(4).getNumericCellValue());
            assertEquals(TestInvoices.CONFIG_SHA, rowLabelled(s, "Configuration SHA-256").getCell(1).getStringCellValue());
            assertEquals("Aura Billing 0.1.0", rowLabelled(s, "Library version").getCell(1).getStringCellValue());
        }
    }

    @Test
    void oneStyleRegistryFrozenHeadersAndPrintSetup() throws IOException {
        try (XSSFWorkbook wb = read(writer.render(TestInvoices.workedExample(), TestInvoices.workedExampleCells()))) {
            assertTrue(wb.getNumCellStyles() <= 1 + WorkbookStyles.Name.values().length,
                    "styles are shared, not one per cell: " + wb.getNumCellStyles());
            for (Sheet s : wb) {
                assertTrue(s.getPrintSetup().getLandscape(), s.getSheetName());
                assertTrue(s.getFitToPage(), s.getSheetName());
                assertEquals(1, s.getPrintSetup().getFitWidth(), s.getSheetName());
                assertEquals(0, s.getPrintSetup().getFitHeight(), s.getSheetName());
                assertNotNull(s.getPaneInformation(), "frozen rows on " + s.getSheetName());
            }
            Sheet invoice = wb.getSheet("Invoice");
            Row header = rowsWithText(invoice, 0, "Component").get(0);
            assertEquals(new CellRangeAddress(header.getRowNum(), header.getRowNum(), -1, -1),
                    invoice.getRepeatingRows());
            assertEquals(header.getRowNum() + 1, invoice.getPaneInformation().getHorizontalSplitPosition());
            // widths come from content: the app column fits "(unattributed)" and is not a default width
            int appWidth = invoice.getColumnWidth(InvoiceSheet.APP);
            assertEquals(("(unattributed)".length() + 2) * 256, appWidth);
        }
    }

    @Test
    void amountsAreShownWithTheInvoiceCurrencysSymbolAndMinorUnits() throws IOException {
        DataFormatter formatter = new DataFormatter(Locale.US);
        Object[][] cases = {
            {TestInvoices.workedExampleIn("EUR"), "\"€\"#,##0.00;-\"€\"#,##0.00", "€1,140.33", "-€60.02"},
            {TestInvoices.workedExampleIn("GBP"), "\"£\"#,##0.00;-\"£\"#,##0.00", "£1,140.33", "-£60.02"},
            {TestInvoices.workedExampleIn("BRL"), "\"R$\"#,##0.00;-\"R$\"#,##0.00", "R$1,140.33", "-R$60.02"},
            {TestInvoices.workedExampleIn("USD"), "\"$\"#,##0.00;-\"$\"#,##0.00", "$1,140.33", "-$60.02"},
        };
        for (Object[] c : cases) {
            Invoice invoice = (Invoice) c[0];
            try (XSSFWorkbook wb = read(writer.render(invoice))) {
                Sheet s = wb.getSheet("Invoice");
                Cell total = rowLabelled(s, "Total").getCell(6);
                assertEquals(c[1], total.getCellStyle().getDataFormatString(), invoice.currency().toString());
                assertEquals(c[2], formatter.formatCellValue(rowLabelled(s, "Engine total").getCell(6)));
                assertEquals(c[3], formatter.formatCellValue(rowLabelled(s, "Discount 5%").getCell(6)));
                assertEquals("1,200,345", formatter.formatCellValue(rowLabelled(s, "Total requests").getCell(4)
                        .getRow().getSheet().getRow(rowLabelled(s, "Total queries").getRowNum()).getCell(4),
                        wb.getCreationHelper().createFormulaEvaluator()));
            }
        }
        try (XSSFWorkbook wb = read(writer.render(TestInvoices.yen()))) {
            Sheet s = wb.getSheet("Invoice");
            Cell total = rowLabelled(s, "Engine total").getCell(6);
            assertEquals("\"¥\"#,##0;-\"¥\"#,##0", total.getCellStyle().getDataFormatString());
            assertEquals("¥1,235", formatter.formatCellValue(total));
            assertEquals("0.100000", formatter.formatCellValue(rowsWithText(s, 0, "Aura Groot").get(0).getCell(5)));
        }
    }
}
