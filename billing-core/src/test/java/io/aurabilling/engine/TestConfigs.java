package io.aurabilling.engine;

import io.aurabilling.config.ConfigNode;
import io.aurabilling.config.yaml.Adjustments;
import io.aurabilling.config.yaml.BillingConfig;
import io.aurabilling.config.yaml.Defaults;
import io.aurabilling.config.yaml.ObSettings;
import io.aurabilling.config.yaml.PricingVersion;
import io.aurabilling.config.yaml.UnpricedPolicy;
import io.aurabilling.invoice.Issuer;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Configurations built in code, so engine tests do not depend on the YAML loader. */
final class TestConfigs {
    static final String SHA = "0".repeat(64);

    private TestConfigs() {
    }

    static ObSettings ob(String country, String zone, String currency, Map<String, ?> pricing,
                         Adjustments adjustments, UnpricedPolicy unpriced) {
        ConfigNode node = ConfigNode.fromValue(pricing, "test.yaml");
        PricingVersion version = new PricingVersion(YearMonth.of(2026, 1), node.required("model", "a model").asText(), node);
        return new ObSettings(country, country + " operator", ZoneId.of(zone), Currency.getInstance(currency),
                List.of(version), adjustments, unpriced);
    }

    static BillingConfig config(ObSettings... obs) {
        java.util.SortedMap<String, ObSettings> map = new TreeMap<>();
        for (ObSettings ob : obs) {
            map.put(ob.country(), ob);
        }
        return new BillingConfig(new Issuer("Aura Global Team", null), "LIC", Defaults.STANDARD, map, null, null,
                "test.yaml", SHA);
    }
}
