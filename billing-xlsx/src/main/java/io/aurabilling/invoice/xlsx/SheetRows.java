package io.aurabilling.invoice.xlsx;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;

import java.math.BigDecimal;
import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/**
 * Writes the rows of one sheet top to bottom (as streamed sheets require), with the
 * workbook's styles, and measures what each column shows to size it afterwards.
 *
 * <p>Amounts are {@link BigDecimal} up to the cell: a spreadsheet stores every number as an
 * IEEE double, which holds amounts of up to 15 significant digits exactly enough to show
 * them to the minor unit.
 */
final class SheetRows {
    private final Sheet sheet;
    private final WorkbookStyles styles;
    private final ColumnWidths widths = new ColumnWidths();
    private int next;

    /**
     * Starts at the sheet's first row.
     *
     * @param sheet the sheet
     * @param styles the workbook's styles
     */
    SheetRows(Sheet sheet, WorkbookStyles styles) {
        this.sheet = requireNonNull(sheet, "sheet is null");
        this.styles = requireNonNull(styles, "styles is null");
    }

    /** @return the sheet */
    Sheet sheet() {
        return sheet;
    }

    /** @return the column widths seen so far */
    ColumnWidths widths() {
        return widths;
    }

    /** @return the 0-based index of the next row */
    int nextIndex() {
        return next;
    }

    /** @return a new row below the previous one */
    Row row() {
        return sheet.createRow(next++);
    }

    /** Leaves an empty row. */
    void blank() {
        next++;
    }

    /**
     * A text cell whose width counts for its column.
     *
     * @param row the row
     * @param column the column
     * @param value the text
     * @param style the style
     * @return the cell
     */
    Cell text(Row row, int column, String value, WorkbookStyles.Name style) {
        Cell cell = cell(row, column, style);
        cell.setCellValue(value);
        widths.observe(column, bold(style) ? value.length() + value.length() / 8 : value.length());
        return cell;
    }

    /**
     * A text cell that may overflow into empty cells to its right (titles, notes): its width does
     * not count for its column.
     *
     * @param row the row
     * @param column the column
     * @param value the text
     * @param style the style
     * @return the cell
     */
    Cell wide(Row row, int column, String value, WorkbookStyles.Name style) {
        Cell cell = cell(row, column, style);
        cell.setCellValue(value);
        return cell;
    }

    /**
     * A count.
     *
     * @param row the row
     * @param column the column
     * @param value the count
     * @param style the style
     * @return the cell
     */
    Cell count(Row row, int column, long value, WorkbookStyles.Name style) {
        Cell cell = cell(row, column, style);
        cell.setCellValue((double) value);
        widths.observe(column, countChars(value));
        return cell;
    }

    /**
     * An amount in the invoice currency.
     *
     * @param row the row
     * @param column the column
     * @param value the amount
     * @param style the style
     * @return the cell
     */
    Cell money(Row row, int column, BigDecimal value, WorkbookStyles.Name style) {
        Cell cell = cell(row, column, style);
        cell.setCellValue(value.doubleValue());
        widths.observe(column, styles.currency().display(value).length() + 1);
        return cell;
    }

    /**
     * A decimal shown with many digits (unit price, exact amount).
     *
     * @param row the row
     * @param column the column
     * @param value the number
     * @param style the style
     * @return the cell
     */
    Cell decimal(Row row, int column, BigDecimal value, WorkbookStyles.Name style) {
        Cell cell = cell(row, column, style);
        cell.setCellValue(value.doubleValue());
        String plain = value.stripTrailingZeros().toPlainString();
        int dot = plain.indexOf('.');
        int decimals = Math.max(6, dot < 0 ? 0 : plain.length() - dot - 1);
        int whole = dot < 0 ? plain.length() : dot;
        widths.observe(column, whole + whole / 3 + 1 + decimals);
        return cell;
    }

    /**
     * A date.
     *
     * @param row the row
     * @param column the column
     * @param value the date
     * @param style the style
     * @return the cell
     */
    Cell date(Row row, int column, LocalDate value, WorkbookStyles.Name style) {
        Cell cell = cell(row, column, style);
        cell.setCellValue(value);
        widths.observe(column, 10);
        return cell;
    }

    /**
     * A formula giving a count, with its value cached.
     *
     * @param row the row
     * @param column the column
     * @param formula the formula, without {@code =}
     * @param cached the value it evaluates to
     * @param style the style
     * @return the cell
     */
    Cell countFormula(Row row, int column, String formula, long cached, WorkbookStyles.Name style) {
        Cell cell = cell(row, column, style);
        cell.setCellFormula(formula);
        cell.setCellValue((double) cached);
        widths.observe(column, countChars(cached));
        return cell;
    }

    /**
     * A formula giving an amount, with its value cached.
     *
     * @param row the row
     * @param column the column
     * @param formula the formula, without {@code =}
     * @param cached the value it evaluates to
     * @param style the style
     * @return the cell
     */
    Cell moneyFormula(Row row, int column, String formula, BigDecimal cached, WorkbookStyles.Name style) {
        Cell cell = cell(row, column, style);
        cell.setCellFormula(formula);
        cell.setCellValue(cached.doubleValue());
        widths.observe(column, styles.currency().display(cached).length() + 1);
        return cell;
    }

    /**
     * A formula giving a text, with its value cached.
     *
     * @param row the row
     * @param column the column
     * @param formula the formula, without {@code =}
     * @param cached the text it evaluates to
     * @param style the style
     * @return the cell
     */
    Cell textFormula(Row row, int column, String formula, String cached, WorkbookStyles.Name style) {
        Cell cell = cell(row, column, style);
        cell.setCellFormula(formula);
        cell.setCellValue(cached);
        widths.observe(column, cached.length() + 1);
        return cell;
    }

    private Cell cell(Row row, int column, WorkbookStyles.Name style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(styles.get(style));
        return cell;
    }

    private static boolean bold(WorkbookStyles.Name style) {
        return style == WorkbookStyles.Name.HEADER || style == WorkbookStyles.Name.HEADER_NUMBER
                || style == WorkbookStyles.Name.LABEL || style == WorkbookStyles.Name.TEXT_BOLD;
    }

    /**
     * Characters a count takes with thousands separators.
     *
     * @param value the count
     * @return its shown length
     */
    static int countChars(long value) {
        int digits = Long.toString(Math.abs(value)).length();
        return digits + (digits - 1) / 3 + (value < 0 ? 1 : 0);
    }

    /**
     * An A1 reference.
     *
     * @param column 0-based column
     * @param row 0-based row
     * @return e.g. {@code G12}
     */
    static String ref(int column, int row) {
        return CellReference.convertNumToColString(column) + (row + 1);
    }

    /**
     * An A1 range.
     *
     * @param column 0-based column
     * @param firstRow 0-based first row
     * @param lastRow 0-based last row
     * @return e.g. {@code G12:G15}
     */
    static String range(int column, int firstRow, int lastRow) {
        return ref(column, firstRow) + ":" + ref(column, lastRow);
    }
}
