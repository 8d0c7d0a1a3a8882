package io.aurabilling.invoice.xlsx;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * How amounts of one currency are shown in the workbook: its symbol and its minor units.
 * Symbols are written explicitly rather than taken from a {@link java.util.Locale}, so the
 * workbook does not depend on the machine that writes it.
 *
 * @param currency the ISO 4217 currency
 * @param symbol what is printed before the amount, e.g. {@code €} or {@code R$}
 * @param minorUnits decimals shown (EUR 2, JPY 0)
 */
public record CurrencyFormat(Currency currency, String symbol, int minorUnits) {

    /** Symbols of the currencies the configuration uses or is likely to use; others print their ISO code. */
    private static final Map<String, String> SYMBOLS = new TreeMap<>(Map.of(
            "EUR", "€",
            "GBP", "£",
            "JPY", "¥",
            "BRL", "R$",
            "USD", "$"));

    /** Validates the components. */
    public CurrencyFormat {
        requireNonNull(currency, "currency is null");
        requireNonNull(symbol, "symbol is null");
        if (minorUnits < 0) {
            throw new IllegalArgumentException("minor units of " + currency + " must not be negative: " + minorUnits);
        }
    }

    /**
     * The format of a currency: a known symbol, or the ISO code followed by a space; minor units
     * from {@link Currency#getDefaultFractionDigits()} (0 for pseudo-currencies without any).
     *
     * @param currency the currency
     * @return its format
     */
    public static CurrencyFormat of(Currency currency) {
        requireNonNull(currency, "currency is null");
        String code = currency.getCurrencyCode();
        String symbol = SYMBOLS.getOrDefault(code, code + " ");
        return new CurrencyFormat(currency, symbol, Math.max(0, currency.getDefaultFractionDigits()));
    }

    /**
     * The spreadsheet number format: grouped thousands, exactly the minor units, the symbol in
     * front and a minus sign before the symbol for negative amounts, e.g.
     * {@code "€"#,##0.00;-"€"#,##0.00}.
     *
     * @return the format code (in the file's invariant notation: {@code ,} groups, {@code .} is the decimal point)
     */
    public String excelFormat() {
        String number = minorUnits == 0 ? "#,##0" : "#,##0." + "0".repeat(minorUnits);
        String quoted = "\"" + symbol.replace("\"", "\\\"") + "\"";
        return quoted + number + ";-" + quoted + number;
    }

    /**
     * The text a viewer shows for an amount, used to size columns and in notes.
     *
     * @param amount the amount
     * @return e.g. {@code €1,200.35} or {@code -¥1,234}
     */
    public String display(BigDecimal amount) {
        BigDecimal scaled = amount.setScale(minorUnits, java.math.RoundingMode.HALF_UP);
        String sign = scaled.signum() < 0 ? "-" : "";
        String plain = scaled.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot);
        return sign + symbol + group(whole) + fraction;
    }

    /**
     * Groups the digits of a non-negative whole number by thousands with commas.
     *
     * @param digits e.g. {@code 1200345}
     * @return e.g. {@code 1,200,345}
     */
    static String group(String digits) {
        StringBuilder sb = new StringBuilder(digits.length() + digits.length() / 3);
        int lead = digits.length() % 3;
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (i - lead) % 3 == 0) {
                sb.append(',');
            }
            sb.append(digits.charAt(i));
        }
        return sb.toString();
    }
}
