package io.aurabilling.config.yaml;

import io.aurabilling.ConfigurationException;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One OB's entry under {@code obs}, with defaults already applied.
 *
 * @param country ISO 3166-1 alpha-3 code (three upper-case letters)
 * @param name display name (the country code when not configured)
 * @param timezone the OB's zone
 * @param currency the OB's invoice currency
 * @param pricing pricing versions, strictly increasing {@code from}
 * @param adjustments discount and minimum
 * @param unpriced what to do with usage without a price
 */
public record ObSettings(String country, String name, ZoneId timezone, Currency currency,
                         List<PricingVersion> pricing, Adjustments adjustments, UnpricedPolicy unpriced) {

    /** Validates and copies the components. */
    public ObSettings {
        requireNonNull(country, "country is null");
        requireNonNull(name, "name is null");
        requireNonNull(timezone, "timezone is null");
        requireNonNull(currency, "currency is null");
        pricing = List.copyOf(pricing);
        requireNonNull(adjustments, "adjustments is null");
        requireNonNull(unpriced, "unpriced is null");
    }

    /**
     * The pricing version for a period: the last whose {@code from} is not after it.
     *
     * @param month the period
     * @return the version
     * @throws ConfigurationException when every version starts after the period
     */
    public PricingVersion pricingFor(YearMonth month) {
        PricingVersion found = null;
        for (PricingVersion v : pricing) {
            if (!v.from().isAfter(month)) {
                found = v;
            }
        }
        if (found == null) {
            // located at the first version, as every configuration error is (file:line:column: key: …)
            throw pricing.get(0).node().error("no pricing version applies to " + month + " (the first starts "
                    + pricing.get(0).from() + "); expected a version with from: " + month + " or earlier");
        }
        return found;
    }
}
