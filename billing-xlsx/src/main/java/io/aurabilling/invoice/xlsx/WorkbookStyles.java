package io.aurabilling.invoice.xlsx;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

import java.util.EnumMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The workbook's one style registry: every cell uses one of these few styles, created once
 * per workbook (a style per cell would bloat the file and hit Excel's 64 000-style limit).
 */
final class WorkbookStyles {

    /** Number format of counts: thousands separators, no decimals. */
    static final String COUNT_FORMAT = "#,##0";
    /** Number format of unit prices: at least 6 decimals, up to 10 (billing-rules.md). */
    static final String UNIT_PRICE_FORMAT = "#,##0.000000####";
    /** Number format of unrounded amounts kept for audit. */
    static final String EXACT_FORMAT = "#,##0.00########";
    /** Number format of dates: ISO, unambiguous in every country. */
    static final String DATE_FORMAT = "yyyy-mm-dd";

    /** The styles a cell can have. */
    enum Name {
        /** Sheet title. */
        TITLE,
        /** A section heading inside a sheet. */
        SECTION,
        /** A label in front of a value. */
        LABEL,
        /** Plain text. */
        TEXT,
        /** Bold text (subtotal and total labels). */
        TEXT_BOLD,
        /** Explanatory note: italic, grey. */
        NOTE,
        /** Table header, left aligned. */
        HEADER,
        /** Table header over a number column, right aligned. */
        HEADER_NUMBER,
        /** A count. */
        COUNT,
        /** A count on a subtotal or total row. */
        COUNT_BOLD,
        /** An amount in the invoice currency. */
        MONEY,
        /** An amount on a subtotal row. */
        MONEY_BOLD,
        /** The invoice total: bold, double top border. */
        MONEY_TOTAL,
        /** A unit price. */
        UNIT_PRICE,
        /** An unrounded amount, for audit. */
        EXACT,
        /** A date. */
        DATE,
        /** Text of a tier breakdown row. */
        TIER_TEXT,
        /** Count of a tier breakdown row. */
        TIER_COUNT,
        /** Price of a tier breakdown row. */
        TIER_PRICE,
        /** Exact amount of a tier breakdown row. */
        TIER_EXACT,
        /** The check cell. */
        CHECK
    }

    private final Map<Name, CellStyle> styles = new EnumMap<>(Name.class);
    private final CurrencyFormat currency;

    /**
     * Creates the styles in a workbook.
     *
     * @param workbook the workbook
     * @param currency the invoice currency's format
     */
    WorkbookStyles(Workbook workbook, CurrencyFormat currency) {
        requireNonNull(workbook, "workbook is null");
        this.currency = requireNonNull(currency, "currency is null");
        DataFormat formats = workbook.createDataFormat();
        short count = formats.getFormat(COUNT_FORMAT);
        short money = formats.getFormat(currency.excelFormat());
        short unitPrice = formats.getFormat(UNIT_PRICE_FORMAT);
        short exact = formats.getFormat(EXACT_FORMAT);
        short date = formats.getFormat(DATE_FORMAT);

        Font bold = workbook.createFont();
        bold.setBold(true);
        Font title = workbook.createFont();
        title.setBold(true);
        title.setFontHeightInPoints((short) 14);
        Font section = workbook.createFont();
        section.setBold(true);
        section.setFontHeightInPoints((short) 12);
        Font note = workbook.createFont();
        note.setItalic(true);
        note.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
        Font italic = workbook.createFont();
        italic.setItalic(true);

        styles.put(Name.TITLE, style(workbook, title, (short) -1, null));
        styles.put(Name.SECTION, style(workbook, section, (short) -1, null));
        styles.put(Name.LABEL, style(workbook, bold, (short) -1, null));
        styles.put(Name.TEXT, style(workbook, null, (short) -1, null));
        styles.put(Name.TEXT_BOLD, style(workbook, bold, (short) -1, null));
        styles.put(Name.NOTE, style(workbook, note, (short) -1, null));
        CellStyle header = style(workbook, bold, (short) -1, HorizontalAlignment.LEFT);
        shadeHeader(header);
        styles.put(Name.HEADER, header);
        CellStyle headerNumber = style(workbook, bold, (short) -1, HorizontalAlignment.RIGHT);
        shadeHeader(headerNumber);
        styles.put(Name.HEADER_NUMBER, headerNumber);
        styles.put(Name.COUNT, style(workbook, null, count, null));
        styles.put(Name.COUNT_BOLD, topBorder(style(workbook, bold, count, null), BorderStyle.THIN));
        styles.put(Name.MONEY, style(workbook, null, money, null));
        styles.put(Name.MONEY_BOLD, topBorder(style(workbook, bold, money, null), BorderStyle.THIN));
        styles.put(Name.MONEY_TOTAL, topBorder(style(workbook, bold, money, null), BorderStyle.DOUBLE));
        styles.put(Name.UNIT_PRICE, style(workbook, null, unitPrice, null));
        styles.put(Name.EXACT, style(workbook, note, exact, null));
        styles.put(Name.DATE, style(workbook, null, date, HorizontalAlignment.LEFT));
        CellStyle tierText = style(workbook, italic, (short) -1, null);
        tierText.setIndention((short) 1);
        styles.put(Name.TIER_TEXT, tierText);
        styles.put(Name.TIER_COUNT, style(workbook, italic, count, null));
        styles.put(Name.TIER_PRICE, style(workbook, italic, unitPrice, null));
        styles.put(Name.TIER_EXACT, style(workbook, note, exact, null));
        styles.put(Name.CHECK, style(workbook, bold, (short) -1, HorizontalAlignment.RIGHT));
    }

    private static CellStyle style(Workbook workbook, Font font, short format, HorizontalAlignment align) {
        CellStyle s = workbook.createCellStyle();
        if (font != null) {
            s.setFont(font);
        }
        if (format >= 0) {
            s.setDataFormat(format);
        }
        if (align != null) {
            s.setAlignment(align);
        }
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        return s;
    }

    private static void shadeHeader(CellStyle s) {
        s.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        s.setBorderBottom(BorderStyle.THIN);
        s.setWrapText(true);
    }

    private static CellStyle topBorder(CellStyle s, BorderStyle border) {
        s.setBorderTop(border);
        return s;
    }

    /**
     * One style of the registry.
     *
     * @param name the style's name
     * @return the style
     */
    CellStyle get(Name name) {
        return styles.get(name);
    }

    /** @return the invoice currency's format */
    CurrencyFormat currency() {
        return currency;
    }
}
