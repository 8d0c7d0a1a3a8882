package io.aurabilling.invoice.xlsx;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The print layout every sheet shares: landscape A4, one page wide, the table header repeated
 * on every printed page, and a footer naming the invoice so loose pages can be matched.
 */
final class PageLayout {
    private PageLayout() {
    }

    /**
     * Applies the layout and freezes the rows above {@code frozenRows}.
     *
     * @param sheet the sheet
     * @param frozenRows rows kept visible when scrolling (0 for none)
     * @param headerRow the 0-based row repeated on printed pages, or -1 for none
     * @param invoiceFile the invoice's {@code number-rN}, printed in the footer
     */
    static void apply(Sheet sheet, int frozenRows, int headerRow, String invoiceFile) {
        if (frozenRows > 0) {
            sheet.createFreezePane(0, frozenRows);
        }
        if (headerRow >= 0) {
            sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
        }
        sheet.setFitToPage(true);
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setFitWidth((short) 1);
        // 0 = as many pages tall as needed
        print.setFitHeight((short) 0);
        sheet.getFooter().setLeft(invoiceFile);
        sheet.getFooter().setRight("Page &P of &N");
    }
}
