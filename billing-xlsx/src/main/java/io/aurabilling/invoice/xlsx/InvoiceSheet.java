package io.aurabilling.invoice.xlsx;

import io.aurabilling.invoice.Invoice;
import io.aurabilling.invoice.InvoiceCharge;
import io.aurabilling.invoice.InvoiceComponent;
import io.aurabilling.invoice.InvoiceLine;
import io.aurabilling.pricing.Tier;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.aurabilling.invoice.xlsx.SheetRows.range;
import static io.aurabilling.invoice.xlsx.SheetRows.ref;
import static io.aurabilling.invoice.xlsx.WorkbookStyles.Name;
import static java.util.Objects.requireNonNull;

/**
 * The Invoice sheet: who bills whom for which period, the lines grouped by component with a
 * subtotal per component and the tier breakdowns, fees, adjustments and totals. Subtotals and
 * totals are {@code SUM} formulas with their values cached, and a check cell compares the
 * formula total with the engine's total.
 */
final class InvoiceSheet {
    /** Sheet name. */
    static final String NAME = "Invoice";

    /** Column of the component name. */
    static final int COMPONENT = 0;
    /** Column of the component id. */
    static final int COMPONENT_ID = 1;
    /** Column of the app name. */
    static final int APP = 2;
    /** Column of the app id. */
    static final int APP_ID = 3;
    /** Column of the query count. */
    static final int QUERIES = 4;
    /** Column of the cost per query. */
    static final int UNIT_PRICE = 5;
    /** Column of the amount. */
    static final int AMOUNT = 6;
    /** Column of the unrounded amount. */
    static final int EXACT = 7;
    private static final int COLUMNS = 8;

    /** Label of the check cell's row. */
    static final String CHECK_LABEL = "Check";
    /** The check cell's text when the formula total equals the engine's. */
    static final String CHECK_OK = "OK";
    /** The check cell's text when they differ. */
    static final String CHECK_MISMATCH = "MISMATCH";

    private final Invoice invoice;
    private final WorkbookStyles styles;

    /**
     * A renderer for one invoice.
     *
     * @param invoice the invoice
     * @param styles the workbook's styles
     */
    InvoiceSheet(Invoice invoice, WorkbookStyles styles) {
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
        Row title = rows.row();
        rows.wide(title, 0, "Invoice " + invoice.number()
                + (invoice.revision() > 1 ? " (revision " + invoice.revision() + ")" : ""), Name.TITLE);
        title.setHeightInPoints(22);
        rows.blank();
        writeParties(rows);
        rows.blank();

        int headerRow = rows.nextIndex();
        Row header = rows.row();
        rows.text(header, COMPONENT, "Component", Name.HEADER);
        rows.text(header, COMPONENT_ID, "Component id", Name.HEADER);
        rows.text(header, APP, "App", Name.HEADER);
        rows.text(header, APP_ID, "App id", Name.HEADER);
        rows.text(header, QUERIES, "Queries", Name.HEADER_NUMBER);
        rows.text(header, UNIT_PRICE, "Cost per query", Name.HEADER_NUMBER);
        rows.text(header, AMOUNT, "Amount (" + invoice.currency().getCurrencyCode() + ")", Name.HEADER_NUMBER);
        rows.text(header, EXACT, "Exact amount", Name.HEADER_NUMBER);

        List<String> queryCells = new ArrayList<>();
        List<String> amountCells = new ArrayList<>();
        long queries = 0;
        BigDecimal subtotal = BigDecimal.ZERO;
        for (InvoiceComponent component : invoice.components()) {
            int subtotalRow = writeComponent(rows, component);
            queryCells.add(ref(QUERIES, subtotalRow));
            amountCells.add(ref(AMOUNT, subtotalRow));
            queries += lineQueries(component);
            subtotal = subtotal.add(lineAmounts(component));
        }
        if (!invoice.fees().isEmpty()) {
            rows.blank();
            rows.text(rows.row(), COMPONENT, "Fees", Name.LABEL);
            for (InvoiceCharge fee : invoice.fees()) {
                int r = writeCharge(rows, fee);
                amountCells.add(ref(AMOUNT, r));
                subtotal = subtotal.add(fee.amount());
            }
        }

        rows.blank();
        int subtotalRow = rows.nextIndex();
        Row sub = rows.row();
        rows.text(sub, COMPONENT, "Subtotal", Name.TEXT_BOLD);
        rows.wide(sub, COMPONENT_ID, invoice.fees().isEmpty() ? "components" : "components and fees", Name.NOTE);
        sumOrZero(rows, sub, AMOUNT, amountCells, subtotal);

        BigDecimal total = subtotal;
        int firstAdjustment = rows.nextIndex();
        for (InvoiceCharge adjustment : invoice.adjustments()) {
            writeCharge(rows, adjustment);
            total = total.add(adjustment.amount());
        }
        int lastAdjustment = rows.nextIndex() - 1;
        int totalRow = rows.nextIndex();
        Row tot = rows.row();
        rows.text(tot, COMPONENT, "Total", Name.TEXT_BOLD);
        String totalFormula = invoice.adjustments().isEmpty() ? ref(AMOUNT, subtotalRow)
                : ref(AMOUNT, subtotalRow) + "+SUM(" + range(AMOUNT, firstAdjustment, lastAdjustment) + ")";
        rows.moneyFormula(tot, AMOUNT, totalFormula, total, Name.MONEY_TOTAL);

        rows.blank();
        Row tq = rows.row();
        rows.text(tq, COMPONENT, "Total queries", Name.LABEL);
        if (queryCells.isEmpty()) {
            rows.count(tq, QUERIES, 0, Name.COUNT);
        } else {
            rows.countFormula(tq, QUERIES, "SUM(" + String.join(",", queryCells) + ")", queries, Name.COUNT);
        }
        Row tr = rows.row();
        rows.text(tr, COMPONENT, "Total requests", Name.LABEL);
        rows.count(tr, QUERIES, invoice.totalRequests(), Name.COUNT);
        rows.wide(tr, UNIT_PRICE, "distinct interactions", Name.NOTE);

        rows.blank();
        int engineRow = rows.nextIndex();
        Row engine = rows.row();
        rows.text(engine, COMPONENT, "Engine total", Name.LABEL);
        rows.wide(engine, COMPONENT_ID, "the total computed by the billing engine", Name.NOTE);
        rows.money(engine, AMOUNT, invoice.total(), Name.MONEY);
        Row check = rows.row();
        rows.text(check, COMPONENT, CHECK_LABEL, Name.LABEL);
        rows.wide(check, COMPONENT_ID, "OK when the formula total above equals the engine total", Name.NOTE);
        String checkFormula = "IF(ROUND(" + ref(AMOUNT, totalRow) + "-" + ref(AMOUNT, engineRow) + ","
                + styles.currency().minorUnits() + ")=0,\"" + CHECK_OK + "\",\"" + CHECK_MISMATCH + "\")";
        rows.textFormula(check, AMOUNT, checkFormula,
                total.compareTo(invoice.total()) == 0 ? CHECK_OK : CHECK_MISMATCH, Name.CHECK);

        rows.widths().apply(sheet, COLUMNS);
        PageLayout.apply(sheet, headerRow + 1, headerRow, invoice.fileBaseName());
    }

    /** Issuer and OB on the left, the invoice's identity on the right. */
    private void writeParties(SheetRows rows) {
        List<Object[]> left = new ArrayList<>();
        left.add(new Object[] {"Issuer", invoice.issuer().name()});
        invoice.issuer().optionalAddress().ifPresent(a -> left.add(new Object[] {"Address", a}));
        left.add(new Object[] {"Bill to", invoice.ob().name()});
        left.add(new Object[] {"Country", invoice.ob().country()});
        LocalDate first = invoice.period().month().atDay(1);
        LocalDate last = invoice.period().month().atEndOfMonth();
        left.add(new Object[] {"Period from", first});
        left.add(new Object[] {"Period to", last});
        left.add(new Object[] {"Time zone", invoice.period().zone().getId()});

        List<Object[]> right = new ArrayList<>();
        right.add(new Object[] {"Invoice number", invoice.number()});
        right.add(new Object[] {"Revision", Integer.toString(invoice.revision())});
        if (invoice.supersedes() != null) {
            right.add(new Object[] {"Supersedes", invoice.supersedes()});
        }
        if (invoice.reason() != null) {
            right.add(new Object[] {"Reason", invoice.reason()});
        }
        right.add(new Object[] {"Billing period", invoice.period().monthText()});
        right.add(new Object[] {"Currency", invoice.currency().getCurrencyCode()});
        right.add(new Object[] {"Invoicing model", invoice.model()});

        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            Row row = rows.row();
            if (i < left.size()) {
                field(rows, row, COMPONENT, left.get(i));
            }
            if (i < right.size()) {
                field(rows, row, QUERIES, right.get(i));
            }
        }
    }

    private void field(SheetRows rows, Row row, int column, Object[] field) {
        rows.text(row, column, (String) field[0], Name.LABEL);
        if (field[1] instanceof LocalDate date) {
            rows.date(row, column + 1, date, Name.DATE);
        } else {
            rows.wide(row, column + 1, (String) field[1], Name.TEXT);
        }
    }

    /** Writes a component's lines, its subtotal row and its tiers; returns the subtotal row. */
    private int writeComponent(SheetRows rows, InvoiceComponent component) {
        int first = rows.nextIndex();
        for (InvoiceLine line : component.lines()) {
            Row row = rows.row();
            rows.text(row, COMPONENT, component.componentName(), Name.TEXT);
            rows.text(row, COMPONENT_ID, component.componentId(), Name.TEXT);
            rows.text(row, APP, line.appName(), Name.TEXT);
            if (line.appId() != null) {
                rows.text(row, APP_ID, line.appId(), Name.TEXT);
            }
            rows.count(row, QUERIES, line.queries(), Name.COUNT);
            rows.decimal(row, UNIT_PRICE, line.unitPrice(), Name.UNIT_PRICE);
            rows.money(row, AMOUNT, line.amount(), Name.MONEY);
            rows.decimal(row, EXACT, line.exactAmount(), Name.EXACT);
        }
        int last = rows.nextIndex() - 1;
        int subtotalRow = rows.nextIndex();
        Row sub = rows.row();
        rows.text(sub, COMPONENT, "Subtotal " + component.componentName(), Name.TEXT_BOLD);
        if (component.lines().isEmpty()) {
            rows.count(sub, QUERIES, 0, Name.COUNT_BOLD);
            rows.money(sub, AMOUNT, BigDecimal.ZERO, Name.MONEY_BOLD);
        } else {
            rows.countFormula(sub, QUERIES, "SUM(" + range(QUERIES, first, last) + ")",
                    lineQueries(component), Name.COUNT_BOLD);
            rows.moneyFormula(sub, AMOUNT, "SUM(" + range(AMOUNT, first, last) + ")",
                    lineAmounts(component), Name.MONEY_BOLD);
        }
        rows.decimal(sub, EXACT, component.exactAmount(), Name.EXACT);
        for (int i = 0; i < component.tiers().size(); i++) {
            Tier tier = component.tiers().get(i);
            Row row = rows.row();
            rows.text(row, APP, tierLabel(component.tiers(), i), Name.TIER_TEXT);
            rows.count(row, QUERIES, tier.queries(), Name.TIER_COUNT);
            rows.decimal(row, UNIT_PRICE, tier.unitPrice(), Name.TIER_PRICE);
            rows.decimal(row, EXACT, tier.exactAmount(), Name.TIER_EXACT);
        }
        return subtotalRow;
    }

    private int writeCharge(SheetRows rows, InvoiceCharge charge) {
        int index = rows.nextIndex();
        Row row = rows.row();
        rows.text(row, COMPONENT, charge.description(), Name.TEXT);
        rows.text(row, COMPONENT_ID, charge.kind(), Name.TEXT);
        rows.money(row, AMOUNT, charge.amount(), Name.MONEY);
        return index;
    }

    private static void sumOrZero(SheetRows rows, Row row, int column, List<String> cells, BigDecimal cached) {
        if (cells.isEmpty()) {
            rows.money(row, column, BigDecimal.ZERO, Name.MONEY_BOLD);
        } else {
            rows.moneyFormula(row, column, "SUM(" + String.join(",", cells) + ")", cached, Name.MONEY_BOLD);
        }
    }

    /**
     * What a tier breakdown row says, e.g. {@code Tier 2: 1,000,001 – 5,000,000},
     * {@code Tier 3: above 5,000,000} or {@code 121 packages of 10,000 queries (price per package)}.
     *
     * @param tiers the component's tiers
     * @param index the tier's index
     * @return the label
     */
    static String tierLabel(List<Tier> tiers, int index) {
        Tier tier = tiers.get(index);
        if (tier.isPackage()) {
            return CurrencyFormat.group(Long.toString(tier.packages())) + " packages of "
                    + CurrencyFormat.group(Long.toString(tier.size())) + " queries (price per package)";
        }
        Long previous = index == 0 ? null : tiers.get(index - 1).upTo();
        String from = CurrencyFormat.group(Long.toString(previous == null ? 1 : previous + 1));
        String name = "Tier " + (index + 1) + ": ";
        if (tier.upTo() != null) {
            return name + from + " – " + CurrencyFormat.group(Long.toString(tier.upTo()));
        }
        return previous == null ? name + "all queries" : name + "above " + CurrencyFormat.group(Long.toString(previous));
    }

    private static long lineQueries(InvoiceComponent component) {
        long sum = 0;
        for (InvoiceLine line : component.lines()) {
            sum += line.queries();
        }
        return sum;
    }

    private static BigDecimal lineAmounts(InvoiceComponent component) {
        BigDecimal sum = BigDecimal.ZERO;
        for (InvoiceLine line : component.lines()) {
            sum = sum.add(line.amount());
        }
        return sum;
    }
}
