package io.aurabilling.config.yaml;

import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.Currency;

import static java.util.Objects.requireNonNull;

/**
 * The {@code defaults} section of {@code billing.yaml}.
 *
 * @param currency invoice currency of OBs without their own (default EUR)
 * @param timezone zone of OBs without their own, and of countries with rows but no {@code obs} entry (default UTC)
 * @param rounding rounding mode of every amount (default HALF_UP; never UNNECESSARY)
 * @param timestampsWithoutOffset zone assumed for {@code AURA_TM} text with no offset (default UTC)
 */
public record Defaults(Currency currency, ZoneId timezone, RoundingMode rounding, ZoneId timestampsWithoutOffset) {

    /** The defaults when the section is absent. */
    public static final Defaults STANDARD = new Defaults(Currency.getInstance("EUR"), ZoneId.of("UTC"),
            RoundingMode.HALF_UP, ZoneId.of("UTC"));

    /** Validates the components. */
    public Defaults {
        requireNonNull(currency, "currency is null");
        requireNonNull(timezone, "timezone is null");
        requireNonNull(rounding, "rounding is null");
        requireNonNull(timestampsWithoutOffset, "timestampsWithoutOffset is null");
        if (rounding == RoundingMode.UNNECESSARY) {
            throw new IllegalArgumentException("rounding UNNECESSARY cannot round amounts");
        }
    }
}
