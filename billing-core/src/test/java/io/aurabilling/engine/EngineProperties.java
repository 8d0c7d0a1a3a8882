package io.aurabilling.engine;

import io.aurabilling.config.yaml.Adjustments;
import io.aurabilling.config.yaml.BillingConfig;
import io.aurabilling.config.yaml.UnpricedPolicy;
import io.aurabilling.invoice.Invoice;
import io.aurabilling.invoice.InvoiceCharge;
import io.aurabilling.invoice.InvoiceComponent;
import io.aurabilling.invoice.InvoiceLine;
import io.aurabilling.invoice.json.JsonInvoiceWriter;
import io.aurabilling.usage.Dimensions;
import io.aurabilling.usage.UsageAggregate;
import io.aurabilling.usage.UsageCell;
import io.aurabilling.usage.UsageKey;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class EngineProperties {
    private static final YearMonth MONTH = YearMonth.of(2026, 10);
    private static final List<String> COUNTRIES = List.of("ARG", "BRA", "COL");

    @Provide
    Arbitrary<List<UsageCell>> cells() {
        Arbitrary<UsageCell> cell = Combinators.combine(
                Arbitraries.of(COUNTRIES),
                Arbitraries.integers().between(1, 31),
                Arbitraries.of("aura-groot", "aura-nlp", "aura-gpt"),
                Arbitraries.of("app-a", "app-b", "app-c").injectNull(0.2),
                Arbitraries.of("message", "ai"),
                Arbitraries.longs().between(1, 5_000_000))
                .as((country, day, component, app, service, q) -> new UsageCell(
                        new UsageKey(country, LocalDate.of(2026, 10, day), component, app, "web", service, null), q));
        return cell.list().ofMinSize(1).ofMaxSize(40);
    }

    @Provide
    Arbitrary<BigDecimal> prices() {
        return Combinators.combine(Arbitraries.longs().between(0, 100_000), Arbitraries.integers().between(0, 10))
                .as(BigDecimal::valueOf);
    }

    private static UsageAggregate aggregate(List<UsageCell> cells) {
        UsageAggregate.Builder b = UsageAggregate.builder();
        cells.forEach(c -> b.addCell(c.key(), c.queries()));
        COUNTRIES.forEach(c -> b.addRequests(c, 1));
        return b.build();
    }

    private static BillingEngine engine(BigDecimal price, BigDecimal fee, BigDecimal discount, String currency) {
        Map<String, Object> pricing = Map.of("model", "test-fixed-rate", "price", price, "fee", fee);
        List<io.aurabilling.config.yaml.ObSettings> obs = new ArrayList<>();
        for (String c : COUNTRIES) {
            obs.add(TestConfigs.ob(c, "UTC", currency, pricing, new Adjustments(discount, new BigDecimal("25")),
                    UnpricedPolicy.ERROR));
        }
        BillingConfig config = TestConfigs.config(obs.toArray(io.aurabilling.config.yaml.ObSettings[]::new));
        return BillingEngine.builder().config(config).build();
    }

    @Property(tries = 1000)
    void cellOrderAndPartitionDoNotChangeAnyInvoice(@ForAll("cells") List<UsageCell> cells,
                                                    @ForAll("prices") BigDecimal price,
                                                    @ForAll @IntRange(min = 1, max = 5) int parts,
                                                    @ForAll long seed) {
        BillingEngine engine = engine(price, new BigDecimal("1.5"), new BigDecimal("7.5"), "EUR");
        UsageAggregate whole = aggregate(cells);

        List<UsageCell> shuffled = new ArrayList<>(cells);
        Random random = new Random(seed);
        Collections.shuffle(shuffled, random);
        List<UsageAggregate.Builder> builders = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            builders.add(UsageAggregate.builder());
        }
        for (UsageCell c : shuffled) {
            builders.get(random.nextInt(parts)).addCell(c.key(), c.queries());
        }
        builders.get(0).addAll(UsageAggregate.builder().build());
        COUNTRIES.forEach(c -> builders.get(random.nextInt(parts)).addRequests(c, 1));
        List<UsageAggregate> partials = new ArrayList<>(builders.stream().map(UsageAggregate.Builder::build).toList());
        Collections.shuffle(partials, random);
        UsageAggregate merged = UsageAggregate.empty();
        for (UsageAggregate p : partials) {
            merged = random.nextBoolean() ? merged.merge(p) : p.merge(merged);
        }
        assertEquals(whole, merged, "merged partial aggregates equal the whole");

        JsonInvoiceWriter json = new JsonInvoiceWriter();
        List<Invoice> expected = engine.invoice(whole, Dimensions.none(), MONTH, List.of()).invoices();
        List<Invoice> actual = engine.invoice(merged, Dimensions.none(), MONTH, List.of()).invoices();
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(json.toJson(expected.get(i)), json.toJson(actual.get(i)));
        }
    }

    @Property(tries = 1000)
    void linesAddUpToComponentsAndEverythingToTheTotal(@ForAll("cells") List<UsageCell> cells,
                                                      @ForAll("prices") BigDecimal price,
                                                      @ForAll("prices") BigDecimal fee,
                                                      @ForAll @IntRange(min = 0, max = 100) int discount,
                                                      @ForAll("currencies") String currency) {
        BillingEngine engine = engine(price, fee, BigDecimal.valueOf(discount), currency);
        for (Invoice invoice : engine.invoice(aggregate(cells), Dimensions.none(), MONTH, List.of()).invoices()) {
            int scale = invoice.currency().getDefaultFractionDigits();
            BigDecimal components = BigDecimal.ZERO;
            long queries = 0;
            for (InvoiceComponent c : invoice.components()) {
                BigDecimal lines = c.lines().stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertEquals(0, lines.compareTo(c.amount()), "lines add up to " + c.componentId());
                assertEquals(c.exactAmount().setScale(scale, java.math.RoundingMode.HALF_UP), c.amount());
                assertEquals(c.queries(), c.lines().stream().mapToLong(InvoiceLine::queries).sum());
                components = components.add(c.amount());
                queries += c.queries();
            }
            BigDecimal fees = invoice.fees().stream().map(InvoiceCharge::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal adjustments = invoice.adjustments().stream().map(InvoiceCharge::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, components.add(fees).compareTo(invoice.subtotal()));
            assertEquals(0, invoice.subtotal().add(adjustments).compareTo(invoice.total()));
            assertEquals(scale, invoice.total().scale());
            assertEquals(queries, invoice.totalQueries());
            assertEquals(invoice.dataQuality().rowsBilled(), invoice.totalQueries());
            assertFalse(invoice.total().compareTo(new BigDecimal("25")) < 0, "the minimum holds");
        }
    }

    @Provide
    Arbitrary<String> currencies() {
        return Arbitraries.of("EUR", "GBP", "JPY", "BRL", "KWD");
    }

    @Property(tries = 1000)
    void sharedCostsAddUpToEachPoolExactly(@ForAll("cells") List<UsageCell> cells,
                                           @ForAll @IntRange(min = 0, max = 10_000_000) int poolCents) {
        BigDecimal pool = BigDecimal.valueOf(poolCents, 2);
        Map<String, Object> pricing = Map.of("model", "test-shared-pool", "pool", pool);
        List<io.aurabilling.config.yaml.ObSettings> obs = new ArrayList<>();
        for (String c : COUNTRIES) {
            obs.add(TestConfigs.ob(c, "UTC", "EUR", pricing, Adjustments.NONE, UnpricedPolicy.ERROR));
        }
        BillingEngine engine = BillingEngine.builder()
                .config(TestConfigs.config(obs.toArray(io.aurabilling.config.yaml.ObSettings[]::new)))
                .pricingModel(new SharedPoolModelFactory()).build();
        List<Invoice> invoices = engine.invoice(aggregate(cells), Dimensions.none(), MONTH, List.of()).invoices();
        Map<String, BigDecimal> perComponent = new java.util.TreeMap<>();
        for (Invoice invoice : invoices) {
            for (InvoiceComponent c : invoice.components()) {
                perComponent.merge(c.componentId(), c.amount(), BigDecimal::add);
            }
        }
        perComponent.forEach((component, sum) -> assertEquals(0, sum.compareTo(pool),
                component + " shares add up to the pool"));
    }

    @org.junit.jupiter.api.Test
    void moneyNeverPassesThroughDouble() {
        Class<?>[] api = {io.aurabilling.pricing.PricingModel.class, io.aurabilling.pricing.PricingModelFactory.class,
                io.aurabilling.pricing.PricingContext.class, io.aurabilling.pricing.PricingResult.class,
                io.aurabilling.pricing.ComponentCharge.class, io.aurabilling.pricing.AppCharge.class,
                io.aurabilling.pricing.CostShare.class, io.aurabilling.pricing.Tier.class,
                io.aurabilling.pricing.FeeCharge.class, io.aurabilling.pricing.Division.class,
                io.aurabilling.config.ConfigNode.class, Invoice.class, InvoiceLine.class, InvoiceComponent.class,
                InvoiceCharge.class, BillingEngine.class};
        for (Class<?> type : api) {
            for (Method m : type.getMethods()) {
                for (Class<?> p : m.getParameterTypes()) {
                    assertFalse(p == double.class || p == float.class || p == Double.class || p == Float.class,
                            type.getSimpleName() + "." + m.getName() + " takes a floating-point number");
                }
                Class<?> r = m.getReturnType();
                if (m.getDeclaringClass() != Object.class) {
                    assertFalse(r == double.class || r == float.class || r == Double.class || r == Float.class,
                            type.getSimpleName() + "." + m.getName() + " returns a floating-point number");
                }
            }
        }
    }
}
