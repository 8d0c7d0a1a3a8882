package io.aurabilling.invoice.xlsx;

import org.apache.poi.ss.usermodel.Sheet;

import java.util.Arrays;

/**
 * Column widths computed from the text each column shows, as cells are written. This replaces
 * {@code autoSizeColumn}, which is slow, needs every row in memory and depends on the fonts
 * installed on the machine (so the same invoice would not give the same bytes everywhere).
 */
final class ColumnWidths {
    /** Narrowest column, in characters. */
    static final int MIN_CHARS = 6;
    /** Widest column, in characters; longer text wraps or overflows. */
    static final int MAX_CHARS = 72;

    private int[] chars = new int[16];

    /**
     * Records that a column shows a text of some length.
     *
     * @param column the column index
     * @param length the number of characters shown
     */
    void observe(int column, int length) {
        if (column >= chars.length) {
            chars = Arrays.copyOf(chars, Math.max(column + 1, chars.length * 2));
        }
        if (length > chars[column]) {
            chars[column] = length;
        }
    }

    /**
     * The width of a column in characters, padding and limits included.
     *
     * @param column the column index
     * @return its width
     */
    int widthChars(int column) {
        int seen = column < chars.length ? chars[column] : 0;
        return Math.min(MAX_CHARS, Math.max(MIN_CHARS, seen + 2));
    }

    /**
     * Sets the widths of every observed column on a sheet.
     *
     * @param sheet the sheet
     * @param columns how many columns to set, from the first
     */
    void apply(Sheet sheet, int columns) {
        for (int c = 0; c < columns; c++) {
            // units of 1/256 of a character width
            sheet.setColumnWidth(c, widthChars(c) * 256);
        }
    }
}
