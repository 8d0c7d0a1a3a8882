package io.aurabilling.config.yaml;

import io.aurabilling.invoice.Issuer;

import java.time.ZoneId;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * A loaded and validated {@code billing.yaml}. Load one with {@link BillingConfigLoader}.
 *
 * @param issuer printed on every invoice
 * @param invoicePrefix invoice number prefix (default {@code LIC})
 * @param defaults the defaults section
 * @param obs the OBs by country code, sorted
 * @param kernel the Kernel section, or {@code null}
 * @param store the store section, or {@code null}
 * @param source where the configuration was read from (file name), for messages
 * @param sha256 hex SHA-256 of the configuration's bytes, for lineage
 */
public record BillingConfig(Issuer issuer, String invoicePrefix, Defaults defaults, SortedMap<String, ObSettings> obs,
                            KernelSettings kernel, StoreSettings store, String source, String sha256) {

    /** Validates and copies the components. */
    public BillingConfig {
        requireNonNull(issuer, "issuer is null");
        requireNonNull(invoicePrefix, "invoicePrefix is null");
        requireNonNull(defaults, "defaults is null");
        obs = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(obs, "obs is null")));
        requireNonNull(source, "source is null");
        requireNonNull(sha256, "sha256 is null");
    }

    /** @return the Kernel section, when present */
    public Optional<KernelSettings> kernelSettings() {
        return Optional.ofNullable(kernel);
    }

    /** @return the store section, when present */
    public Optional<StoreSettings> storeSettings() {
        return Optional.ofNullable(store);
    }

    /**
     * The zone of a country: its OB's zone, or {@code defaults.timezone} for countries
     * with rows but no {@code obs} entry.
     *
     * @param country the country code as written in the data
     * @return the zone
     */
    public ZoneId zoneOf(String country) {
        ObSettings ob = obs.get(country);
        return ob != null ? ob.timezone() : defaults.timezone();
    }
}
