package io.aurabilling.invoice.json;

import io.aurabilling.config.ConfigNode;
import io.aurabilling.config.yaml.BillingConfig;
import io.aurabilling.config.yaml.BillingConfigLoader;
import io.aurabilling.engine.BillingEngine;
import io.aurabilling.invoice.Invoice;
import io.aurabilling.pricing.ComponentCharge;
import io.aurabilling.pricing.PricingModel;
import io.aurabilling.pricing.PricingModelFactory;
import io.aurabilling.pricing.PricingResult;
import io.aurabilling.usage.Dimension;
import io.aurabilling.usage.Dimensions;
import io.aurabilling.usage.Exclusion;
import io.aurabilling.usage.InputFile;
import io.aurabilling.usage.UsageAggregate;
import io.aurabilling.usage.UsageKey;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The worked example of invoice-json.md, from billing.yaml to bytes. */
class WorkedExampleTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = WorkedExampleTest.class.getResourceAsStream("/invoice/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static UsageAggregate usage() {
        LocalDate day = LocalDate.of(2026, 10, 1);
        return UsageAggregate.builder()
                .addCell(new UsageKey("BRA", day, "aura-groot", "mi-vivo", "whatsapp", "message", null), 600_000)
                .addCell(new UsageKey("BRA", day.plusDays(1), "aura-groot", "mi-vivo", "web", "message", null), 400_000)
                .addCell(new UsageKey("BRA", day, "aura-groot", null, null, "message", null), 200_345)
                .exclude("BRA", Exclusion.DUPLICATE, 655)
                .addRequests("BRA", 987_654)
                .addInput(new InputFile("Aura_Audit", "6", "Aura_Audit/DAY_DT=2026-10-01/part-0.avro",
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 43_210))
                .build();
    }

    static Dimensions dimensions() {
        return new Dimensions(Dimension.of("D_Aura_Component", Map.of("aura-groot", "Aura Groot")),
                Dimension.of("D_Aura_App", Map.of("mi-vivo", "Meu Vivo")),
                Dimension.of("D_Aura_Channel", Map.of("whatsapp", "WhatsApp", "web", "Web")),
                Dimension.of("D_Aura_Preset", Map.of()), Dimension.of("D_Gbl_Country", Map.of("BRA", "Brasil")));
    }

    @Test
    void reproducesTheContractExampleToTheByte() throws IOException {
        String yaml = resource("worked-example.yaml");
        BillingConfig config = BillingConfigLoader.parse(yaml, "billing.yaml", name -> null);
        Invoice invoice = BillingEngine.builder().config(config).libraryVersion("0.1.0").build()
                .invoice(usage(), dimensions(), YearMonth.of(2026, 10), List.of("BRA")).invoice("BRA");
        String expected = resource("worked-example.json").replace("CONFIG_SHA256", config.sha256());
        JsonInvoiceWriter writer = new JsonInvoiceWriter();
        assertEquals(expected, writer.toJson(invoice));
        assertArrayEquals(writer.render(invoice), writer.render(invoice), "same invoice, same bytes");
        assertEquals(64, config.sha256().length());
    }

    @Test
    void theFullContractConfigurationBuildsWithACustomModelRegisteredInCode() throws IOException {
        Path example = Path.of("src/test/resources/config/full-example.yaml");
        String yaml = Files.readString(example);
        BillingConfig config = BillingConfigLoader.parse(yaml, "billing.yaml",
                name -> name.equals("KERNEL_CLIENT_SECRET") ? "s3cr3t" : null);
        List<String> seen = new ArrayList<>();
        PricingModelFactory custom = new PricingModelFactory() {
            @Override
            public String name() {
                return "my-custom-model";
            }

            @Override
            public PricingModel create(ConfigNode node) {
                node.allowOnly("from", "model", "anything");
                seen.add(node.required("anything", "text").asText());
                return context -> PricingResult.of(context.componentQueries().keySet().stream()
                        .map(c -> ComponentCharge.of(c, BigDecimal.ONE)).toList());
            }
        };
        BillingEngine engine = BillingEngine.builder().config(config).pricingModel(custom).build();
        assertEquals(List.of("the plugin reads"), seen);
        UsageAggregate usage = UsageAggregate.builder()
                .addCell(new UsageKey("PER", LocalDate.of(2026, 10, 3), "aura-groot", "x", "web", "message", null), 10)
                .build();
        Invoice per = engine.invoice(usage, Dimensions.none(), YearMonth.of(2026, 10), List.of("PER")).invoice("PER");
        assertEquals("1.00", per.total().toPlainString());
        assertTrue(new JsonInvoiceWriter().toJson(per).contains("\"model\": \"my-custom-model\""));
    }
}
