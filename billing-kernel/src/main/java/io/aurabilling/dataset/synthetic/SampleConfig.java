package io.aurabilling.dataset.synthetic;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A sample {@code billing.yaml} (config.md) matching the generated data: the same OBs and
 * zones, timestamps without offset in UTC, and one OB per built-in pricing model: BRA
 * {@code per-query} (with discount and minimum), ESP {@code graduated}, DEU {@code volume},
 * GBR {@code package} (GBP), ARG {@code flat-fee}, COL {@code cost-sharing}, PER
 * {@code per-query} with {@code unpriced: zero}. Every generated component has a price
 * ({@code "*"} entries), except where {@code unpriced: zero} bills the rest at 0; any other
 * OB code gets a plain {@code per-query} price.
 */
public final class SampleConfig {

    private SampleConfig() {
    }

    /**
     * Writes the sample configuration (UTF-8), creating the parent folder.
     *
     * @param file where to write it, e.g. {@code demo/billing.yaml}
     * @param obs the OB codes to configure, in order (e.g. {@link GeneratorOptions#obs()})
     * @throws UncheckedIOException when the file cannot be written
     */
    public static void write(Path file, List<String> obs) {
        requireNonNull(file, "file is null");
        String text = yaml(obs);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sample configuration " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The sample configuration text.
     *
     * @param obs the OB codes to configure, in order
     * @return the YAML text
     */
    public static String yaml(List<String> obs) {
        requireNonNull(obs, "obs is null");
        StringBuilder y = new StringBuilder();
        y.append("# Sample configuration for the synthetic Aura month (see config.md).\n");
        y.append("issuer:\n");
        y.append("  name: Aura Global Team\n");
        y.append("  address: Distrito Telefónica, Madrid\n");
        y.append("invoice:\n");
        y.append("  prefix: LIC\n");
        y.append("defaults:\n");
        y.append("  currency: EUR\n");
        y.append("  timezone: UTC\n");
        y.append("  rounding: HALF_UP\n");
        y.append("  timestamps-without-offset: UTC\n");
        y.append("obs:\n");
        for (String code : obs) {
            SyntheticCatalog.ObProfile ob = SyntheticCatalog.ob(requireNonNull(code, "OB code is null"));
            y.append("  ").append(code).append(":\n");
            y.append("    name: ").append(ob.name()).append('\n');
            y.append("    timezone: ").append(ob.zone().getId()).append('\n');
            y.append(pricing(code));
        }
        return y.toString();
    }

    private static String pricing(String code) {
        switch (code) {
            case "BRA":
                return "    pricing:\n"
                        + "      - from: 2026-01\n"
                        + "        model: per-query\n"
                        + "        rates:\n"
                        + "          - { component: aura-groot, price: 0.0010 }\n"
                        + "          - { component: aura-groot, service: ai, price: 0.0040 }\n"
                        + "          - { component: aura-gpt, service: ai, preset: gpt-4o, price: 0.0125 }\n"
                        + "          - { component: \"*\", price: 0.0005 }\n"
                        + "    adjustments:\n"
                        + "      discount-percent: 5\n"
                        + "      minimum-amount: 1500.00\n";
            case "ESP":
                return "    pricing:\n"
                        + "      - from: 2026-01\n"
                        + "        model: graduated\n"
                        + "        tiers:\n"
                        + "          aura-groot:\n"
                        + "            - { up-to: 1000000, price: 0.0010 }\n"
                        + "            - { up-to: 5000000, price: 0.0008 }\n"
                        + "            - { price: 0.0006 }\n"
                        + "          \"*\":\n"
                        + "            - { price: 0.0005 }\n";
            case "DEU":
                return "    pricing:\n"
                        + "      - from: 2026-01\n"
                        + "        model: volume\n"
                        + "        tiers:\n"
                        + "          \"*\":\n"
                        + "            - { up-to: 100000, price: 0.0012 }\n"
                        + "            - { price: 0.0009 }\n";
            case "GBR":
                return "    currency: GBP\n"
                        + "    pricing:\n"
                        + "      - from: 2026-01\n"
                        + "        model: package\n"
                        + "        packages:\n"
                        + "          \"*\": { size: 10000, price: 4.50 }\n";
            case "ARG":
                return "    pricing:\n"
                        + "      - from: 2026-01\n"
                        + "        model: flat-fee\n"
                        + "        fee: 2500.00\n"
                        + "        included:\n"
                        + "          aura-groot: 2000000\n"
                        + "        overage:\n"
                        + "          - { component: \"*\", price: 0.0007 }\n";
            case "COL":
                // pools are per component id (no "*"), so the few unknown component ids are billed at 0
                return "    unpriced: zero\n"
                        + "    pricing:\n"
                        + "      - from: 2026-01\n"
                        + "        model: cost-sharing\n"
                        + "        pool:\n"
                        + "          aura-groot: 120000.00\n"
                        + "          aura-nlp: 45000.00\n"
                        + "          aura-gpt: 60000.00\n"
                        + "          aura-bridge: 15000.00\n"
                        + "          aura-tts: 8000.00\n"
                        + "          aura-stt: 8000.00\n"
                        + "          aura-vision: 12000.00\n"
                        + "          aura-search: 10000.00\n";
            case "PER":
                // every known component priced, no "*": the unknown component ids show unpriced: zero at work
                return "    unpriced: zero\n"
                        + "    pricing:\n"
                        + "      - from: 2026-01\n"
                        + "        model: per-query\n"
                        + "        rates:\n"
                        + "          - { component: aura-groot, price: 0.0008 }\n"
                        + "          - { component: aura-groot, service: ai, price: 0.0030 }\n"
                        + "          - { component: aura-nlp, price: 0.0006 }\n"
                        + "          - { component: aura-gpt, price: 0.0090 }\n"
                        + "          - { component: aura-gpt, service: ai, preset: gpt-4o-mini, price: 0.0040 }\n"
                        + "          - { component: aura-bridge, price: 0.0004 }\n"
                        + "          - { component: aura-tts, price: 0.0020 }\n"
                        + "          - { component: aura-stt, price: 0.0020 }\n"
                        + "          - { component: aura-vision, price: 0.0100 }\n"
                        + "          - { component: aura-search, price: 0.0007 }\n";
            default:
                return "    pricing:\n"
                        + "      - from: 2026-01\n"
                        + "        model: per-query\n"
                        + "        rates:\n"
                        + "          - { component: \"*\", price: 0.0005 }\n";
        }
    }
}
