package io.aurabilling.engine;

import io.aurabilling.ConfigurationException;
import io.aurabilling.InputDataException;
import io.aurabilling.config.yaml.Adjustments;
import io.aurabilling.config.yaml.BillingConfig;
import io.aurabilling.config.yaml.UnpricedPolicy;
import io.aurabilling.invoice.Invoice;
import io.aurabilling.invoice.InvoiceComponent;
import io.aurabilling.invoice.InvoiceLine;
import io.aurabilling.invoice.json.JsonInvoiceWriter;
import io.aurabilling.usage.Dimension;
import io.aurabilling.usage.Dimensions;
import io.aurabilling.usage.Exclusion;
import io.aurabilling.usage.RowAccounting;
import io.aurabilling.usage.UsageAggregate;
import io.aurabilling.usage.UsageKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BillingEngineTest {
    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    static final LocalDate DAY = LocalDate.of(2026, 10, 5);

    static UsageKey key(String country, String component, String app) {
        return new UsageKey(country, DAY, component, app, "web", "message", null);
    }

    static Dimensions names() {
        return new Dimensions(Dimension.of("D_Aura_Component", Map.of("aura-groot", "Aura Groot")),
                Dimension.of("D_Aura_App", Map.of("mi-vivo", "Meu Vivo")),
                Dimension.of("D_Aura_Channel", Map.of("web", "Web")),
                Dimension.of("D_Aura_Preset", Map.of()),
                Dimension.of("D_Gbl_Country", Map.of("BRA", "Brazil")));
    }

    /** The usage of the worked example in invoice-json.md, plus some Spanish usage. */
    static UsageAggregate workedExampleUsage() {
        return UsageAggregate.builder()
                .addCell(key("BRA", "aura-groot", "mi-vivo"), 1_000_000)
                .addCell(key("BRA", "aura-groot", null), 200_345)
                .exclude("BRA", Exclusion.DUPLICATE, 655)
                .addRequests("BRA", 987_654)
                .addCell(key("ESP", "aura-groot", "mi-movistar"), 4_000)
                .exclude("ESP", Exclusion.BAD_TIMESTAMP, 3)
                .exclude("", Exclusion.MISSING_KEY, 2)
                .build();
    }

    static BillingConfig workedExampleConfig() {
        return TestConfigs.config(
                TestConfigs.ob("BRA", "America/Sao_Paulo", "EUR", Map.of("model", "test-fixed-rate", "price", "0.0010"),
                        new Adjustments(new BigDecimal("5"), new BigDecimal("1000.00")), UnpricedPolicy.ERROR),
                TestConfigs.ob("ESP", "Europe/Madrid", "EUR", Map.of("model", "test-fixed-rate", "price", "0.0010"),
                        Adjustments.NONE, UnpricedPolicy.ERROR));
    }

    @Test
    void workedExampleFiguresComeOutToTheCent() {
        BillingRun run = BillingEngine.builder().config(workedExampleConfig()).build()
                .invoice(workedExampleUsage(), names(), OCTOBER, List.of("BRA"));
        Invoice invoice = run.invoice("BRA");
        assertEquals("LIC-BRA-202610", invoice.number());
        InvoiceComponent groot = invoice.components().get(0);
        assertEquals("Aura Groot", groot.componentName());
        assertEquals(1_200_345, groot.queries());
        assertEquals("1200.3450", groot.exactAmount().toPlainString());
        assertEquals("1200.35", groot.amount().toPlainString());
        InvoiceLine vivo = groot.lines().get(0);
        InvoiceLine unattributed = groot.lines().get(1);
        assertEquals("Meu Vivo", vivo.appName());
        assertEquals("1000.00", vivo.amount().toPlainString());
        assertEquals("0.001000", vivo.unitPrice().toPlainString());
        assertNull(unattributed.appId());
        assertEquals("(unattributed)", unattributed.appName());
        assertEquals("200.35", unattributed.amount().toPlainString());
        assertEquals("-60.02", invoice.adjustments().get(0).amount().toPlainString());
        assertEquals("Discount 5%", invoice.adjustments().get(0).description());
        assertEquals(1, invoice.adjustments().size(), "1140.33 is not below the 1000.00 minimum");
        assertEquals("1200.35", invoice.subtotal().toPlainString());
        assertEquals("1140.33", invoice.total().toPlainString());
        assertEquals(987_654, invoice.totalRequests());
        assertEquals(1_201_000, invoice.dataQuality().rowsRead());
        assertEquals(655, invoice.dataQuality().duplicate());
        // the run accounts for every row: ESP is not invoiced, so its billable rows are OTHER_OB
        RowAccounting rows = run.rows();
        assertEquals(1_200_345, rows.billed());
        assertEquals(4_000, rows.otherOb());
        assertEquals(2, rows.missingKey());
        assertEquals(3, rows.badTimestamp());
        assertEquals(1_201_000 + 4_003 + 2, rows.read());
        assertEquals("rows read=1205005 billed=1200345 MISSING_KEY=2 BAD_TIMESTAMP=3 OUT_OF_PERIOD=0 DUPLICATE=655 OTHER_OB=4000",
                rows.summaryLine());
    }

    @Test
    void invoicingMoreObsNeverChangesAnInvoice() {
        BillingEngine engine = BillingEngine.builder().config(workedExampleConfig()).build();
        JsonInvoiceWriter json = new JsonInvoiceWriter();
        String alone = json.toJson(engine.invoice(workedExampleUsage(), names(), OCTOBER, List.of("BRA")).invoice("BRA"));
        BillingRun all = engine.invoice(workedExampleUsage(), names(), OCTOBER, List.of());
        assertEquals(alone, json.toJson(all.invoice("BRA")));
        assertEquals(2, all.invoices().size());
        assertEquals(0, all.rows().otherOb());
        assertEquals("4.00", all.invoice("ESP").total().toPlainString());
    }

    @Test
    void minimumTrueUpComesAfterTheDiscount() {
        BillingConfig config = TestConfigs.config(TestConfigs.ob("BRA", "America/Sao_Paulo", "EUR",
                Map.of("model", "test-fixed-rate", "price", "0.0010"),
                new Adjustments(new BigDecimal("10"), new BigDecimal("1500")), UnpricedPolicy.ERROR));
        Invoice invoice = BillingEngine.builder().config(config).build()
                .invoice(workedExampleUsage(), names(), OCTOBER, List.of("BRA")).invoice("BRA");
        // 1200.35 - 120.035 -> 120.04 discount (HALF_UP) = 1080.31, true-up 1500 - 1080.31 = 419.69
        assertEquals("-120.04", invoice.adjustments().get(0).amount().toPlainString());
        assertEquals("minimum-amount", invoice.adjustments().get(1).kind());
        assertEquals("419.69", invoice.adjustments().get(1).amount().toPlainString());
        assertEquals("1500.00", invoice.total().toPlainString());
    }

    @Test
    void currencyWithoutMinorUnitsRoundsToWholeYen() {
        BillingConfig config = TestConfigs.config(TestConfigs.ob("BRA", "UTC", "JPY",
                Map.of("model", "test-fixed-rate", "price", "0.0015", "fee", "99.5"), Adjustments.NONE, UnpricedPolicy.ERROR));
        Invoice invoice = BillingEngine.builder().config(config).build()
                .invoice(workedExampleUsage(), names(), OCTOBER, List.of("BRA")).invoice("BRA");
        // 1 200 345 x 0.0015 = 1800.5175 -> 1801; lines 1500.0000 and 300.5175 -> 1500 and 301
        assertEquals("1801", invoice.components().get(0).amount().toPlainString());
        assertEquals("1500", invoice.components().get(0).lines().get(0).amount().toPlainString());
        assertEquals("301", invoice.components().get(0).lines().get(1).amount().toPlainString());
        assertEquals("100", invoice.fees().get(0).amount().toPlainString());
        assertEquals("1901", invoice.total().toPlainString());
    }

    @Test
    void unpricedUsageFailsByDefaultListingEveryComponent() {
        UsageAggregate usage = UsageAggregate.builder().addCell(key("BRA", "aura-nlp", "a"), 7)
                .addCell(key("BRA", "aura-tts", "a"), 5).addCell(key("BRA", "aura-groot", "a"), 1).build();
        BillingConfig config = TestConfigs.config(TestConfigs.ob("BRA", "UTC", "EUR",
                Map.of("model", "test-fixed-rate", "price", "1", "unpriced", List.of("aura-nlp", "aura-tts")),
                Adjustments.NONE, UnpricedPolicy.ERROR));
        InputDataException e = assertThrows(InputDataException.class, () -> BillingEngine.builder().config(config).build()
                .invoice(usage, names(), OCTOBER, List.of()));
        assertTrue(e.getMessage().contains("BRA aura-nlp (7 queries)"), e.getMessage());
        assertTrue(e.getMessage().contains("BRA aura-tts (5 queries)"), e.getMessage());
        assertTrue(e.getMessage().contains("unpriced: zero"), e.getMessage());
        assertEquals(3, e.exitCode());
    }

    @Test
    void unpricedZeroBillsAtZeroAndReportsIt() {
        UsageAggregate usage = UsageAggregate.builder().addCell(key("BRA", "aura-nlp", "a"), 7)
                .addCell(key("BRA", "aura-groot", "a"), 1).build();
        BillingConfig config = TestConfigs.config(TestConfigs.ob("BRA", "UTC", "EUR",
                Map.of("model", "test-fixed-rate", "price", "1", "unpriced", List.of("aura-nlp")),
                Adjustments.NONE, UnpricedPolicy.ZERO));
        Invoice invoice = BillingEngine.builder().config(config).build().invoice(usage, names(), OCTOBER, List.of())
                .invoice("BRA");
        assertEquals(2, invoice.components().size(), "a component with billed queries is listed even at 0");
        assertEquals("0.00", invoice.components().get(1).amount().toPlainString());
        assertEquals(Map.of("aura-nlp", 7L), invoice.dataQuality().unpriced());
        assertEquals("1.00", invoice.total().toPlainString());
        assertEquals(Map.of("a", 8L), invoice.dataQuality().unknownIds().app());
        assertEquals(Map.of("aura-nlp", 7L), invoice.dataQuality().unknownIds().component());
    }

    @Test
    void sharedCostsAddUpToThePoolOverAllCountries() {
        UsageAggregate usage = UsageAggregate.builder()
                .addCell(key("ARG", "aura-groot", "x"), 1).addCell(key("BRA", "aura-groot", "y"), 1)
                .addCell(key("COL", "aura-groot", "z"), 1).build();
        Map<String, Object> pricing = Map.of("model", "test-shared-pool", "pool", "100.00");
        BillingConfig config = TestConfigs.config(
                TestConfigs.ob("ARG", "UTC", "EUR", pricing, Adjustments.NONE, UnpricedPolicy.ERROR),
                TestConfigs.ob("BRA", "UTC", "EUR", pricing, Adjustments.NONE, UnpricedPolicy.ERROR),
                TestConfigs.ob("COL", "UTC", "EUR", pricing, Adjustments.NONE, UnpricedPolicy.ERROR));
        BillingEngine engine = BillingEngine.builder().config(config).pricingModel(new SharedPoolModelFactory()).build();
        BillingRun run = engine.invoice(usage, names(), OCTOBER, List.of());
        // 100.00 / 3 = 33.33 each and one cent left: it goes to the first country in code order
        assertEquals("33.34", run.invoice("ARG").total().toPlainString());
        assertEquals("33.33", run.invoice("BRA").total().toPlainString());
        assertEquals("33.33", run.invoice("COL").total().toPlainString());
        assertEquals("33.3333333333", run.invoice("COL").components().get(0).exactAmount().toPlainString());
        // invoicing COL alone gives COL the same share
        assertEquals("33.33", engine.invoice(usage, names(), OCTOBER, List.of("COL")).invoice("COL").total().toPlainString());
    }

    @Test
    void anUnconfiguredObIsAConfigurationError() {
        BillingEngine engine = BillingEngine.builder().config(workedExampleConfig()).build();
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> engine.invoice(workedExampleUsage(), names(), OCTOBER, List.of("PER")));
        assertTrue(e.getMessage().contains("'PER' is not configured"), e.getMessage());
        assertTrue(e.getMessage().contains("BRA, ESP"), e.getMessage());
    }

    @Test
    void aModelFoundThroughServicesAndOneRegisteredInCodeAreBothAvailable() {
        BillingEngine engine = BillingEngine.builder().config(workedExampleConfig())
                .pricingModel(new SharedPoolModelFactory()).build();
        assertTrue(engine.pricingModels().get("test-fixed-rate") instanceof FixedRateModelFactory);
        assertTrue(engine.pricingModels().get("test-shared-pool") instanceof SharedPoolModelFactory);
        assertTrue(engine.invoiceWriters().get("json") instanceof JsonInvoiceWriter);
    }

    @Test
    void anUnknownModelListsTheAvailableOnes() {
        BillingConfig config = TestConfigs.config(TestConfigs.ob("PER", "UTC", "EUR",
                Map.of("model", "my-custom-model"), Adjustments.NONE, UnpricedPolicy.ERROR));
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> BillingEngine.builder().config(config).build());
        assertTrue(e.getMessage().contains("unknown pricing model 'my-custom-model'"), e.getMessage());
        assertTrue(e.getMessage().contains("test-fixed-rate"), e.getMessage());
        assertEquals(2, e.exitCode());
    }

    @Test
    void anUnknownModelIsLocatedAtItsModelKey() {
        ConfigurationException e = buildFails(
                "issuer:",
                "  name: Aura Global Team",
                "obs:",
                "  ESP:",
                "    timezone: Europe/Madrid",
                "    currency: EUR",
                "    pricing:",
                "      - from: 2026-01",
                "        model: nope");
        assertTrue(e.getMessage().startsWith("billing.yaml:9:"), e.getMessage());
        assertTrue(e.getMessage().contains(".model: unknown pricing model 'nope'"), e.getMessage());
    }

    @Test
    void anUnknownKeyOfAModelIsLocatedAtTheKey() {
        ConfigurationException e = buildFails(
                "obs:",
                "  ESP:",
                "    timezone: Europe/Madrid",
                "    pricing:",
                "      - from: 2026-01",
                "        model: per-query",
                "        rates:",
                "          - { component: aura-groot, price: 0.0010, foo: 1 }");
        // "foo" starts at column 53 of line 8; its value at column 58
        assertTrue(e.getMessage().startsWith("billing.yaml:8:53: obs.ESP.pricing[0].rates[0].foo: unknown key 'foo'"),
                e.getMessage());
    }

    /** Loads a billing.yaml of these lines and builds an engine with it, which must fail. */
    private static ConfigurationException buildFails(String... yamlLines) {
        BillingConfig config = io.aurabilling.config.yaml.BillingConfigLoader.parse(
                String.join("\n", yamlLines) + "\n", "billing.yaml", name -> null);
        return assertThrows(ConfigurationException.class, () -> BillingEngine.builder().config(config).build());
    }

    @Test
    void twoProvidersWithOneNameAreReportedWithBothClasses() {
        PricingModelFactoryNamed duplicate = new PricingModelFactoryNamed("test-fixed-rate");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> BillingEngine.builder().config(workedExampleConfig()).pricingModel(duplicate).build());
        assertTrue(e.getMessage().contains(FixedRateModelFactory.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains(PricingModelFactoryNamed.class.getName()), e.getMessage());
    }

    @Test
    void aProviderThatFailsToLoadIsReportedByName(@TempDir Path dir) throws Exception {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve("io.aurabilling.pricing.PricingModelFactory"),
                BrokenModelFactory.class.getName() + "\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> BillingEngine.builder().config(workedExampleConfig()).classLoader(loader).build());
            assertTrue(e.getMessage().contains(BrokenModelFactory.class.getName()), e.getMessage());
            assertTrue(e.getMessage().contains("license file missing"), e.getMessage());
        }
    }

    /** A provider whose constructor fails, as a plugin missing its own resources would. */
    public static final class BrokenModelFactory implements io.aurabilling.pricing.PricingModelFactory {
        /** Fails. */
        public BrokenModelFactory() {
            throw new IllegalStateException("license file missing");
        }

        @Override
        public String name() {
            return "broken";
        }

        @Override
        public io.aurabilling.pricing.PricingModel create(io.aurabilling.config.ConfigNode config) {
            throw new UnsupportedOperationException();
        }
    }

    /** A factory with a chosen name and no model. */
    static final class PricingModelFactoryNamed implements io.aurabilling.pricing.PricingModelFactory {
        private final String name;

        PricingModelFactoryNamed(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public io.aurabilling.pricing.PricingModel create(io.aurabilling.config.ConfigNode config) {
            throw new UnsupportedOperationException();
        }
    }
}
