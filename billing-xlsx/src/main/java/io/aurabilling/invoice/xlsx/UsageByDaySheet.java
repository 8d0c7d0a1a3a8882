package io.aurabilling.invoice.xlsx;

import io.aurabilling.invoice.Invoice;
import io.aurabilling.invoice.InvoiceComponent;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextCharacterProperties;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static io.aurabilling.invoice.xlsx.SheetRows.range;
import static io.aurabilling.invoice.xlsx.WorkbookStyles.Name;
import static java.util.Objects.requireNonNull;

/**
 * The Usage-by-day sheet: queries per day (in the OB's zone) per component, every day of the
 * period, with row and column totals as cached {@code SUM} formulas and a line chart.
 * Without usage cells it says so.
 */
final class UsageByDaySheet {
    /** Sheet name. */
    static final String NAME = "Usage by day";
    /** 0-based row of the table header. */
    static final int HEADER_ROW = 3;
    /** The note shown when no usage cells were handed over. */
    static final String NO_CELLS = "Usage cells were not handed to the writer, so queries per day are not "
            + "available here. The Invoice sheet has the month's queries per component and app.";

    /** Series colours, fixed so that a component keeps its colour from one invoice to the next. */
    private static final PresetColor[] PALETTE = {PresetColor.STEEL_BLUE, PresetColor.DARK_ORANGE,
        PresetColor.SEA_GREEN, PresetColor.CRIMSON, PresetColor.MEDIUM_PURPLE, PresetColor.SADDLE_BROWN,
        PresetColor.HOT_PINK, PresetColor.GRAY, PresetColor.OLIVE, PresetColor.DARK_CYAN};

    private final Invoice invoice;
    private final WorkbookStyles styles;

    /**
     * A renderer for one invoice.
     *
     * @param invoice the invoice
     * @param styles the workbook's styles
     */
    UsageByDaySheet(Invoice invoice, WorkbookStyles styles) {
        this.invoice = requireNonNull(invoice, "invoice is null");
        this.styles = requireNonNull(styles, "styles is null");
    }

    /**
     * Writes the sheet.
     *
     * @param sheet an empty streamed sheet
     * @param chartSheet the same sheet as a full XSSF sheet, where the chart is drawn
     * @param usage the daily usage, or {@code null} when no cells were handed over
     */
    void write(Sheet sheet, XSSFSheet chartSheet, DailyUsage usage) {
        SheetRows rows = new SheetRows(sheet, styles);
        rows.wide(rows.row(), 0, "Queries per day, " + invoice.ob().name() + ", " + invoice.period().monthText(),
                Name.TITLE);
        if (usage == null) {
            rows.blank();
            rows.wide(rows.row(), 0, NO_CELLS, Name.NOTE);
            rows.widths().apply(sheet, 1);
            PageLayout.apply(sheet, 1, -1, invoice.fileBaseName());
            return;
        }
        rows.wide(rows.row(), 0, "Days in " + invoice.period().zone().getId()
                + "; one column per component; totals are formulas.", Name.NOTE);
        rows.blank();

        // every invoiced component, plus any with zero-query cells, ordered by id like the invoice
        SortedMap<String, String> components = new TreeMap<>();
        for (String id : usage.byComponent().keySet()) {
            components.put(id, id);
        }
        for (InvoiceComponent c : invoice.components()) {
            components.put(c.componentId(), c.componentName());
        }
        List<String> ids = new ArrayList<>(components.keySet());
        int totalColumn = ids.size() + 1;

        Row header = rows.row();
        rows.text(header, 0, "Day", Name.HEADER);
        for (int i = 0; i < ids.size(); i++) {
            rows.text(header, i + 1, components.get(ids.get(i)), Name.HEADER_NUMBER);
        }
        rows.text(header, totalColumn, "Total", Name.HEADER_NUMBER);

        List<LocalDate> days = invoice.period().days();
        int firstDay = rows.nextIndex();
        long[] columnTotals = new long[ids.size()];
        Long[][] series = new Long[ids.size()][days.size()];
        for (int d = 0; d < days.size(); d++) {
            LocalDate day = days.get(d);
            Map<String, Long> counts = usage.byDay().getOrDefault(day, new TreeMap<>());
            int r = rows.nextIndex();
            Row row = rows.row();
            rows.date(row, 0, day, Name.DATE);
            long dayTotal = 0;
            for (int i = 0; i < ids.size(); i++) {
                long q = counts.getOrDefault(ids.get(i), 0L);
                rows.count(row, i + 1, q, Name.COUNT);
                columnTotals[i] += q;
                series[i][d] = q;
                dayTotal += q;
            }
            rows.countFormula(row, totalColumn, "SUM(" + SheetRows.ref(1, r) + ":" + SheetRows.ref(ids.size(), r) + ")",
                    dayTotal, Name.COUNT);
        }
        int lastDay = rows.nextIndex() - 1;
        Row total = rows.row();
        rows.text(total, 0, "Total", Name.TEXT_BOLD);
        long grand = 0;
        for (int i = 0; i <= ids.size(); i++) {
            long cached = i < ids.size() ? columnTotals[i] : grand;
            rows.countFormula(total, i + 1, "SUM(" + range(i + 1, firstDay, lastDay) + ")", cached, Name.COUNT_BOLD);
            if (i < ids.size()) {
                grand += columnTotals[i];
            }
        }
        rows.widths().apply(sheet, totalColumn + 1);
        sheet.createFreezePane(1, HEADER_ROW + 1);
        PageLayout.apply(sheet, 0, HEADER_ROW, invoice.fileBaseName());
        if (!ids.isEmpty()) {
            chart(chartSheet, days, ids, components, series, firstDay, lastDay, totalColumn + 2);
        }
    }

    private static void chart(XSSFSheet sheet, List<LocalDate> days, List<String> ids, Map<String, String> names,
                              Long[][] series, int firstDay, int lastDay, int column) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, column, HEADER_ROW, column + 12, HEADER_ROW + 24);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText("Queries per day");
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis dayAxis = chart.createCategoryAxis(AxisPosition.BOTTOM);
        dayAxis.setTitle("Day");
        XDDFValueAxis queryAxis = chart.createValueAxis(AxisPosition.LEFT);
        queryAxis.setTitle("Queries");
        queryAxis.setCrosses(AxisCrosses.AUTO_ZERO);
        queryAxis.setMinimum(0);
        queryAxis.setNumberFormat(WorkbookStyles.COUNT_FORMAT);
        // lines, not stacked bars: stacking needs an overlap attribute that poi-ooxml-lite cannot write
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, dayAxis, queryAxis);
        data.setVaryColors(false);
        String sheetName = sheet.getSheetName();
        String[] labels = new String[days.size()];
        for (int d = 0; d < days.size(); d++) {
            labels[d] = Integer.toString(days.get(d).getDayOfMonth());
        }
        // literal values (the streamed sheet's cells are not readable here) that point at the table
        XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromArray(labels,
                area(sheetName, 0, firstDay, lastDay));
        for (int i = 0; i < ids.size(); i++) {
            XDDFNumericalDataSource<Long> values = XDDFDataSourcesFactory.fromArray(series[i],
                    area(sheetName, i + 1, firstDay, lastDay));
            XDDFLineChartData.Series s = (XDDFLineChartData.Series) data.addSeries(categories, values);
            s.setTitle(names.get(ids.get(i)), new CellReference(sheetName, HEADER_ROW, i + 1, true, true));
            s.setSmooth(false);
            s.setMarkerStyle(MarkerStyle.CIRCLE);
            // an explicit line: without it some viewers draw the markers only
            XDDFLineProperties line = new XDDFLineProperties(
                    new XDDFSolidFillProperties(XDDFColor.from(PALETTE[i % PALETTE.length])));
            s.setLineProperties(line);
        }
        chart.plot(data);
        // POI tags titles with the default locale's language; fix it so the bytes do not depend on it
        XmlObject[] runs = chart.getCTChartSpace().selectPath(
                "declare namespace a='http://schemas.openxmlformats.org/drawingml/2006/main' .//a:rPr");
        for (XmlObject run : runs) {
            ((CTTextCharacterProperties) run).setLang("en-US");
        }
    }

    private static String area(String sheetName, int column, int firstRow, int lastRow) {
        return new CellRangeAddress(firstRow, lastRow, column, column).formatAsString(sheetName, true);
    }
}
