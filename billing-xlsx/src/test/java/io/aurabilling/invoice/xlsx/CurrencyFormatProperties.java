package io.aurabilling.invoice.xlsx;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CurrencyFormatProperties {

    @Property(tries = 1000)
    void groupsThousandsLikeJavaFormatting(@ForAll @LongRange(min = 0) long n) {
        assertEquals(String.format(Locale.ROOT, "%,d", n), CurrencyFormat.group(Long.toString(n)));
    }

    @Property(tries = 1000)
    void displaysMinorUnitsAndSign(@ForAll @LongRange(min = -99_999_999_999L, max = 99_999_999_999L) long cents) {
        BigDecimal amount = BigDecimal.valueOf(cents, 2);
        String shown = CurrencyFormat.of(Currency.getInstance("EUR")).display(amount);
        String expected = (cents < 0 ? "-" : "") + "€" + String.format(Locale.ROOT, "%,d", Math.abs(cents) / 100)
                + "." + String.format(Locale.ROOT, "%02d", Math.abs(cents) % 100);
        assertEquals(expected, shown);
    }
}
