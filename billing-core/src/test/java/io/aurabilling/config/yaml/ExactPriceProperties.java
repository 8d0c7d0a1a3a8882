package io.aurabilling.config.yaml;

import io.aurabilling.config.ConfigNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Prices written as YAML numbers reach pricing models digit for digit, never through {@code double}. */
class ExactPriceProperties {

    @Property(tries = 1000)
    void pricesWrittenAsYamlNumbersStayExact(@ForAll("prices") BigDecimal price) {
        String written = price.toPlainString();
        String yaml = """
                obs:
                  BRA:
                    pricing:
                      - from: 2026-01
                        model: per-query
                        rates:
                          - { component: "*", price: %s }
                """.formatted(written);

        ConfigNode node = BillingConfigLoader.parse(yaml, "billing.yaml", name -> null).obs().get("BRA")
                .pricing().get(0).node().required("rates", "rates").elements().get(0).required("price", "price");

        assertEquals(written, node.asText());
        assertEquals(new BigDecimal(written), node.asDecimal());
        assertEquals(price.scale(), node.asDecimal().scale());
    }

    @Provide
    Arbitrary<BigDecimal> prices() {
        // up to 12 decimals and 18 significant digits: beyond what a double holds exactly
        return Arbitraries.integers().between(0, 12).flatMap(scale ->
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("999999")).ofScale(scale));
    }
}
