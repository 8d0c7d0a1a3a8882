package io.aurabilling.engine;

import io.aurabilling.ConfigurationException;
import io.aurabilling.InputDataException;
import io.aurabilling.config.ConfigNode;
import io.aurabilling.config.yaml.BillingConfig;
import io.aurabilling.config.yaml.ObSettings;
import io.aurabilling.config.yaml.PricingVersion;
import io.aurabilling.invoice.Invoice;
import io.aurabilling.invoice.InvoiceWriter;
import io.aurabilling.invoice.OperatingBusiness;
import io.aurabilling.pricing.PricingContext;
import io.aurabilling.pricing.PricingModel;
import io.aurabilling.pricing.PricingModelFactory;
import io.aurabilling.pricing.PricingResult;
import io.aurabilling.usage.BillingPeriod;
import io.aurabilling.usage.Dimensions;
import io.aurabilling.usage.RowAccounting;
import io.aurabilling.usage.UsageAggregate;
import io.aurabilling.usage.UsageCell;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * The facade OB teams call: prices a month of usage with each OB's invoicing model and
 * returns the invoices. Build one with {@link #builder()}:
 *
 * <pre>{@code
 * BillingEngine engine = BillingEngine.builder()
 *         .config(BillingConfigLoader.load(Path.of("billing.yaml")))
 *         .pricingModel(new MyModelFactory())      // optional: a model defined in code
 *         .build();
 * BillingRun run = engine.invoice(usage, dimensions, YearMonth.of(2026, 10), List.of("BRA"));
 * }</pre>
 *
 * <p>Pricing models and invoice writers are found with {@link java.util.ServiceLoader}
 * through this library's class loader and the thread context class loader of the
 * thread that calls {@link Builder#build()}, plus those registered on the builder. Every
 * pricing version of every configured OB is checked when the engine is built, so a
 * configuration error shows before any data is read. Instances are immutable and
 * thread-safe.
 */
public final class BillingEngine {
    private final BillingConfig config;
    private final Map<String, PricingModelFactory> models;
    private final Map<String, InvoiceWriter> writers;
    private final Map<PricingVersion, PricingModel> modelsByVersion;
    private final String libraryVersion;

    private BillingEngine(Builder b) {
        this.config = requireNonNull(b.config, "config is null: call BillingEngine.builder().config(...)");
        List<ClassLoader> loaders = new ArrayList<>();
        loaders.add(b.classLoader != null ? b.classLoader : BillingEngine.class.getClassLoader());
        loaders.add(Thread.currentThread().getContextClassLoader());
        PluginCatalog<PricingModelFactory> modelCatalog = PluginCatalog.load(PricingModelFactory.class,
                "pricing model", PricingModelFactory::name, loaders, b.models);
        PluginCatalog<InvoiceWriter> writerCatalog = PluginCatalog.load(InvoiceWriter.class,
                "invoice writer", InvoiceWriter::name, loaders, b.writers);
        this.models = modelCatalog.all();
        this.writers = writerCatalog.all();
        this.libraryVersion = b.libraryVersion != null ? b.libraryVersion : LibraryVersion.get();
        Map<PricingVersion, PricingModel> byVersion = new LinkedHashMap<>();
        for (ObSettings ob : config.obs().values()) {
            for (PricingVersion version : ob.pricing()) {
                // located at the model key's value, not at the version's first key
                ConfigNode modelNode = version.node().get("model").orElse(version.node());
                PricingModelFactory factory = modelCatalog.get(version.model(),
                        modelNode.location() + ": " + version.node().path() + ".model: ");
                byVersion.put(version, requireNonNull(factory.create(version.node()),
                        "pricing model factory " + factory.getClass().getName() + " returned null"));
            }
        }
        this.modelsByVersion = byVersion;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the configuration this engine bills with */
    public BillingConfig config() {
        return config;
    }

    /** @return the available pricing model factories by name, sorted */
    public Map<String, PricingModelFactory> pricingModels() {
        return models;
    }

    /** @return the available invoice writers by name, sorted */
    public Map<String, InvoiceWriter> invoiceWriters() {
        return writers;
    }

    /** @return the library version written into invoice lineage */
    public String libraryVersion() {
        return libraryVersion;
    }

    /**
     * Prices a month of usage and returns one invoice per OB invoiced.
     *
     * <p>The aggregate must hold the billable usage of <em>every</em> country (cost sharing
     * needs it), whatever OBs are invoiced; invoicing fewer OBs never changes an
     * invoice. Rows of countries not invoiced are reported as {@code OTHER_OB} in the
     * run's accounting.
     *
     * @param usage billable cells, row accounting, requests and lineage of the month
     * @param dimensions names of components, apps, channels, presets, countries
     * @param month the billing month
     * @param obs the OBs to invoice; empty for every OB in the configuration
     * @return the invoices (sorted by OB) and the run's row accounting
     * @throws ConfigurationException when an OB is not configured or has no pricing for the month
     * @throws InputDataException when usage has no applicable price (listing every such component)
     */
    public BillingRun invoice(UsageAggregate usage, Dimensions dimensions, YearMonth month, Collection<String> obs) {
        requireNonNull(usage, "usage is null");
        requireNonNull(dimensions, "dimensions is null");
        requireNonNull(month, "month is null");
        SortedSet<String> invoiced = new TreeSet<>(requireNonNull(obs, "obs is null"));
        if (invoiced.isEmpty()) {
            invoiced.addAll(config.obs().keySet());
        }
        for (String ob : invoiced) {
            if (!config.obs().containsKey(ob)) {
                throw new ConfigurationException("OB '" + ob + "' is not configured in " + config.source()
                        + "; configured OBs: " + String.join(", ", config.obs().keySet()));
            }
        }

        List<UsageCell> allCells = usage.cells();
        Map<String, List<UsageCell>> cellsByCountry = new HashMap<>();
        for (UsageCell cell : allCells) {
            cellsByCountry.computeIfAbsent(cell.country(), c -> new ArrayList<>()).add(cell);
        }
        InvoiceAssembler assembler = new InvoiceAssembler(config, dimensions, libraryVersion);
        List<Invoice> invoices = new ArrayList<>();
        List<String> unpriced = new ArrayList<>();
        for (String country : invoiced) {
            ObSettings ob = config.obs().get(country);
            PricingVersion version = ob.pricingFor(month);
            PricingContext context = new PricingContext(new OperatingBusiness(country, ob.name()),
                    new BillingPeriod(month, ob.timezone()), ob.currency(),
                    cellsByCountry.getOrDefault(country, List.of()), allCells);
            PricingResult result = requireNonNull(modelsByVersion.get(version).price(context),
                    "pricing model '" + version.model() + "' returned null for " + country);
            try {
                invoices.add(assembler.assemble(ob, version.model(), result, context, usage.rows(country),
                        usage.requests(country), usage.inputs()));
            } catch (InvoiceAssembler.UnpricedUsage e) {
                e.queries.forEach((component, q) -> unpriced.add(country + " " + component + " (" + q + " queries)"));
            }
        }
        if (!unpriced.isEmpty()) {
            throw new InputDataException("usage without an applicable price: " + String.join(", ", unpriced)
                    + "; add a rate for these components (or \"*\") to the OB's pricing in " + config.source()
                    + ", or set 'unpriced: zero' on the OB to bill them at 0");
        }

        RowAccounting runRows = RowAccounting.EMPTY;
        for (Map.Entry<String, RowAccounting> e : usage.rowsByCountry().entrySet()) {
            runRows = runRows.plus(invoiced.contains(e.getKey()) ? e.getValue() : e.getValue().asOtherOb());
        }
        return new BillingRun(month, invoices, runRows, usage);
    }

    /** Builds a {@link BillingEngine}. Not thread-safe. */
    public static final class Builder {
        private BillingConfig config;
        private final List<PricingModelFactory> models = new ArrayList<>();
        private final List<InvoiceWriter> writers = new ArrayList<>();
        private ClassLoader classLoader;
        private String libraryVersion;

        private Builder() {
        }

        /**
         * The configuration to bill with (required).
         *
         * @param value a loaded {@code billing.yaml}
         * @return this builder
         */
        public Builder config(BillingConfig value) {
            this.config = requireNonNull(value, "config is null");
            return this;
        }

        /**
         * Registers a pricing model in code, e.g. a class defined in a notebook cell (which
         * has no {@code META-INF/services} entry).
         *
         * @param factory the model's factory
         * @return this builder
         */
        public Builder pricingModel(PricingModelFactory factory) {
            models.add(requireNonNull(factory, "factory is null"));
            return this;
        }

        /**
         * Registers an invoice writer in code.
         *
         * @param writer the writer
         * @return this builder
         */
        public Builder invoiceWriter(InvoiceWriter writer) {
            writers.add(requireNonNull(writer, "writer is null"));
            return this;
        }

        /**
         * The class loader searched for plugins besides the thread context class loader
         * (default: this library's class loader).
         *
         * @param value the class loader
         * @return this builder
         */
        public Builder classLoader(ClassLoader value) {
            this.classLoader = requireNonNull(value, "classLoader is null");
            return this;
        }

        /**
         * Overrides the library version written into lineage (tests and reproducible builds).
         *
         * @param value the version text
         * @return this builder
         */
        public Builder libraryVersion(String value) {
            this.libraryVersion = requireNonNull(value, "libraryVersion is null");
            return this;
        }

        /**
         * Discovers plugins and checks every OB's pricing configuration.
         *
         * @return the engine
         * @throws ConfigurationException for a missing config, a broken or duplicate plugin, an
         *                                unknown model name or an invalid model configuration
         */
        public BillingEngine build() {
            return new BillingEngine(this);
        }
    }
}
