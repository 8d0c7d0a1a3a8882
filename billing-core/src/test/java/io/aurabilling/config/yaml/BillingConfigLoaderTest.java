package io.aurabilling.config.yaml;

import io.aurabilling.ConfigurationException;
import io.aurabilling.config.ConfigNode;
import io.aurabilling.invoice.Issuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loading valid files: the contract's full example, defaults, versions, exact decimals, secrets. */
class BillingConfigLoaderTest {

    private static final String CLIENT_SECRET = "kS3cr3t-Value-9f2";
    private static final Function<String, String> ENV = Map.of("KERNEL_CLIENT_SECRET", CLIENT_SECRET)::get;

    private static final String MINIMAL = """
            obs:
              BRA:
                pricing:
                  - from: 2026-01
                    model: per-query
            """;

    private static String resource(String name) throws IOException {
        try (InputStream in = BillingConfigLoaderTest.class.getResourceAsStream(name)) {
            assertTrue(in != null, name + " is on the test classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void fullExampleOfTheContractLoadsWithEveryValue() throws IOException {
        BillingConfig config = BillingConfigLoader.parse(resource("/config/full-example.yaml"), "billing.yaml", ENV);

        assertEquals(new Issuer("Aura Global Team", "Distrito Telefónica, Madrid"), config.issuer());
        assertEquals("LIC", config.invoicePrefix());
        assertEquals(Currency.getInstance("EUR"), config.defaults().currency());
        assertEquals(ZoneId.of("UTC"), config.defaults().timezone());
        assertEquals(RoundingMode.HALF_UP, config.defaults().rounding());
        assertEquals(ZoneId.of("UTC"), config.defaults().timestampsWithoutOffset());
        assertEquals("billing.yaml", config.source());
        assertEquals(List.of("ARG", "BRA", "COL", "DEU", "ESP", "GBR", "PER"), List.copyOf(config.obs().keySet()));

        ObSettings bra = config.obs().get("BRA");
        assertEquals("BRA", bra.country());
        assertEquals("Telefônica Brasil", bra.name());
        assertEquals(ZoneId.of("America/Sao_Paulo"), bra.timezone());
        assertEquals(Currency.getInstance("EUR"), bra.currency());
        assertEquals(new BigDecimal("5"), bra.adjustments().discountPercent());
        assertEquals(new BigDecimal("1500.00"), bra.adjustments().minimumAmount());
        assertEquals(UnpricedPolicy.ERROR, bra.unpriced());
        assertEquals(1, bra.pricing().size());
        PricingVersion braVersion = bra.pricing().get(0);
        assertEquals(YearMonth.of(2026, 1), braVersion.from());
        assertEquals("per-query", braVersion.model());
        // the whole version mapping goes to the model's factory, with exact text and locations
        assertEquals(List.of("from", "model", "rates"), List.copyOf(braVersion.node().keys()));
        ConfigNode rates = braVersion.node().required("rates", "rates");
        assertEquals(4, rates.elements().size());
        ConfigNode secondPrice = rates.elements().get(1).required("price", "price");
        assertEquals("0.0040", secondPrice.asText());
        assertEquals(new BigDecimal("0.0040"), secondPrice.asDecimal());
        assertEquals("obs.BRA.pricing[0].rates[1].price", secondPrice.path());
        assertEquals("billing.yaml:20:58", secondPrice.location());
        assertEquals("*", rates.elements().get(3).required("component", "component").asText());
        assertEquals("gpt-4o", rates.elements().get(2).required("preset", "preset").asText());

        ObSettings esp = config.obs().get("ESP");
        assertEquals("Telefónica España", esp.name());
        assertEquals(ZoneId.of("Europe/Madrid"), esp.timezone());
        assertEquals("graduated", esp.pricing().get(0).model());
        ConfigNode groot = esp.pricing().get(0).node().required("tiers", "tiers").required("aura-groot", "tiers");
        assertEquals(1000000L, groot.elements().get(0).required("up-to", "n").asLong());
        assertEquals(new BigDecimal("0.0006"), groot.elements().get(2).required("price", "p").asDecimal());
        assertEquals(Adjustments.NONE, esp.adjustments());

        ObSettings deu = config.obs().get("DEU");
        assertEquals("Telefónica Deutschland", deu.name());
        assertEquals(ZoneId.of("Europe/Berlin"), deu.timezone());
        assertEquals("volume", deu.pricing().get(0).model());

        ObSettings gbr = config.obs().get("GBR");
        assertEquals("Virgin Media O2", gbr.name());
        assertEquals(ZoneId.of("Europe/London"), gbr.timezone());
        assertEquals(Currency.getInstance("GBP"), gbr.currency());
        assertEquals("package", gbr.pricing().get(0).model());
        assertEquals(new BigDecimal("4.50"), gbr.pricing().get(0).node().required("packages", "p")
                .required("*", "p").required("price", "p").asDecimal());

        ObSettings arg = config.obs().get("ARG");
        assertEquals("Telefónica Argentina", arg.name());
        assertEquals(ZoneId.of("America/Argentina/Buenos_Aires"), arg.timezone());
        assertEquals("flat-fee", arg.pricing().get(0).model());
        assertEquals(new BigDecimal("2500.00"), arg.pricing().get(0).node().required("fee", "fee").asDecimal());

        ObSettings col = config.obs().get("COL");
        assertEquals(ZoneId.of("America/Bogota"), col.timezone());
        assertEquals("cost-sharing", col.pricing().get(0).model());
        assertEquals(new BigDecimal("45000.00"), col.pricing().get(0).node().required("pool", "pool")
                .required("aura-nlp", "pool").asDecimal());

        ObSettings per = config.obs().get("PER");
        assertEquals("Telefónica del Perú", per.name());
        assertEquals(ZoneId.of("UTC"), per.timezone(), "no timezone: defaults.timezone");
        assertEquals("my-custom-model", per.pricing().get(0).model());
        assertEquals("the plugin reads", per.pricing().get(0).node().required("anything", "x").asText());

        KernelSettings kernel = config.kernelSettings().orElseThrow();
        assertEquals("es-pro", kernel.environment());
        assertEquals(URI.create("https://auth.es-pro.baikalplatform.com/token"), kernel.authUrl());
        assertEquals(URI.create("https://api.es-pro.baikalplatform.com"), kernel.apiUrl());
        assertEquals("aura-billing-es-pro", kernel.clientId());
        assertEquals(CLIENT_SECRET, kernel.clientSecret().reveal());
        assertEquals("aura-kpi-data-read-purpose", kernel.purpose());
        assertEquals(Path.of(".aura-billing", "cache"), kernel.cache());

        StoreSettings store = config.storeSettings().orElseThrow();
        assertEquals(Path.of("invoices"), store.folder());
        assertNull(store.azure());
    }

    @Test
    void defaultsApplyWhenSectionsAreAbsent() {
        BillingConfig config = BillingConfigLoader.parse(MINIMAL, "billing.yaml", name -> null);

        assertEquals(new Issuer("Aura Global Team", null), config.issuer());
        assertEquals("LIC", config.invoicePrefix());
        assertEquals(Defaults.STANDARD, config.defaults());
        assertTrue(config.kernelSettings().isEmpty());
        assertTrue(config.storeSettings().isEmpty());
        ObSettings bra = config.obs().get("BRA");
        assertEquals("BRA", bra.name());
        assertEquals(ZoneId.of("UTC"), bra.timezone());
        assertEquals(Currency.getInstance("EUR"), bra.currency());
        assertEquals(Adjustments.NONE, bra.adjustments());
        assertEquals(UnpricedPolicy.ERROR, bra.unpriced());
        assertEquals(ZoneId.of("UTC"), config.zoneOf("XYZ"));
    }

    @Test
    void obInheritsDefaultsAndKernelBuildsDefaultUrls() {
        String yaml = """
                issuer:
                  name: Telefônica Brasil Billing
                invoice:
                  prefix: BR_inv-2
                defaults:
                  currency: BRL
                  timezone: America/Sao_Paulo
                  rounding: HALF_EVEN
                obs:
                  BRA:
                    unpriced: zero
                    pricing:
                      - from: 2026-01
                        model: per-query
                kernel:
                  environment: br-pre
                  client-id: app
                  client-secret: literal-secret
                """;
        BillingConfig config = BillingConfigLoader.parse(yaml, "billing.yaml", name -> null);

        assertEquals(new Issuer("Telefônica Brasil Billing", null), config.issuer());
        assertEquals("BR_inv-2", config.invoicePrefix());
        assertEquals(RoundingMode.HALF_EVEN, config.defaults().rounding());
        assertEquals(ZoneId.of("UTC"), config.defaults().timestampsWithoutOffset());
        ObSettings bra = config.obs().get("BRA");
        assertEquals(ZoneId.of("America/Sao_Paulo"), bra.timezone());
        assertEquals(Currency.getInstance("BRL"), bra.currency());
        assertEquals(UnpricedPolicy.ZERO, bra.unpriced());
        KernelSettings kernel = config.kernel();
        assertEquals(URI.create("https://auth.br-pre.baikalplatform.com/token"), kernel.authUrl());
        assertEquals(URI.create("https://api.br-pre.baikalplatform.com"), kernel.apiUrl());
        assertNull(kernel.purpose());
        assertEquals(Path.of(".aura-billing/cache"), kernel.cache());
    }

    @Test
    void kernelAllowsPlainHttpOnLoopback() {
        String yaml = MINIMAL + """
                kernel:
                  environment: local
                  auth-url: http://localhost:8080/token
                  api-url: http://[::1]:9090
                  client-id: app
                  client-secret: x
                """;
        KernelSettings kernel = BillingConfigLoader.parse(yaml, "billing.yaml", name -> null).kernel();
        assertEquals(URI.create("http://localhost:8080/token"), kernel.authUrl());
        assertEquals(URI.create("http://[::1]:9090"), kernel.apiUrl());
    }

    @Test
    void pricingForPicksTheLastVersionNotAfterThePeriod() {
        String yaml = """
                obs:
                  BRA:
                    pricing:
                      - from: 2025-07
                        model: per-query
                      - from: 2026-01
                        model: volume
                      - from: "2026-06"
                        model: graduated
                """;
        ObSettings bra = BillingConfigLoader.parse(yaml, "billing.yaml", name -> null).obs().get("BRA");

        assertEquals("per-query", bra.pricingFor(YearMonth.of(2025, 7)).model());
        assertEquals("per-query", bra.pricingFor(YearMonth.of(2025, 12)).model());
        assertEquals("volume", bra.pricingFor(YearMonth.of(2026, 1)).model());
        assertEquals("volume", bra.pricingFor(YearMonth.of(2026, 5)).model());
        assertEquals("graduated", bra.pricingFor(YearMonth.of(2026, 6)).model());
        assertEquals("graduated", bra.pricingFor(YearMonth.of(2030, 1)).model());
        ConfigurationException none = assertThrows(ConfigurationException.class, () -> bra.pricingFor(YearMonth.of(2025, 6)));
        // like every configuration error: file:line:column, the key, what was expected
        assertEquals("billing.yaml:4:9: obs.BRA.pricing[0]: no pricing version applies to 2025-06 (the first starts"
                + " 2025-07); expected a version with from: 2025-06 or earlier", none.getMessage());
    }

    /**
     * The price nodes of one per-query pricing version of BRA, in billing.yaml, the given rates one
     * per line from line 7 on.
     */
    private static List<ConfigNode> ratePrices(String... rates) {
        StringBuilder yaml = new StringBuilder("""
                obs:
                  BRA:
                    pricing:
                      - from: 2026-01
                        model: per-query
                        rates:
                """);
        for (String rate : rates) {
            yaml.append("          - ").append(rate).append('\n');
        }
        BillingConfig config = BillingConfigLoader.parse(yaml.toString(), "billing.yaml", name -> null);
        return config.obs().get("BRA").pricing().get(0).node().required("rates", "r").elements().stream()
                .map(rate -> rate.required("price", "price")).toList();
    }

    @Test
    void twelveDecimalPriceWrittenAsYamlNumberStaysExact() {
        List<ConfigNode> prices = ratePrices("{ component: \"*\", price: 0.123456789012 }",
                "{ component: aura-groot, price: \"0.0010\" }");

        ConfigNode price = prices.get(0);
        assertEquals("0.123456789012", price.asText());
        assertEquals(new BigDecimal("0.123456789012"), price.asDecimal());
        assertEquals(new BigDecimal("0.0010"), prices.get(1).asDecimal());
        assertEquals("billing.yaml:7:38", price.location());
    }

    @Test
    void yamlNumbersWithAnExponentAreExactToo() {
        List<ConfigNode> prices = ratePrices("{ component: \"*\", price: 1.0e-3 }", "{ component: aura-groot, price: 2E3 }",
                "{ component: aura-nlp, price: 1e-3e }", "{ component: aura-stt, price: 1_000.000_5 }");
        assertEquals(new BigDecimal("0.0010"), prices.get(0).asDecimal());
        assertEquals(new BigDecimal("2000"), prices.get(1).asDecimal());
        assertEquals(new BigDecimal("1000.0005"), prices.get(3).asDecimal(), "YAML 1.1 separators");
        ConfigurationException bad = assertThrows(ConfigurationException.class, () -> prices.get(2).asDecimal());
        assertTrue(bad.getMessage().startsWith("billing.yaml:9:43: obs.BRA.pricing[0].rates[2].price: expected a decimal"),
                bad.getMessage());
    }

    @Test
    void envReferencesAreSubstitutedInAnyScalarSoPluginsSeeThem() {
        String yaml = """
                obs:
                  BRA:
                    name: ${env:OB_NAME} (prod)
                    pricing:
                      - from: 2026-01
                        model: my-plugin
                        endpoint: https://${env:HOST}/v${env:VERSION}
                """;
        Map<String, String> env = Map.of("OB_NAME", "Vivo", "HOST", "pricing.example", "VERSION", "2");
        ObSettings bra = BillingConfigLoader.parse(yaml, "billing.yaml", env::get).obs().get("BRA");

        assertEquals("Vivo (prod)", bra.name());
        assertEquals("https://pricing.example/v2",
                bra.pricing().get(0).node().required("endpoint", "e").asText());
    }

    @Test
    void secretsNeverShowInToString() {
        String yaml = MINIMAL + """
                kernel:
                  environment: es-pro
                  client-id: aura-billing-es-pro
                  client-secret: ${env:KERNEL_CLIENT_SECRET}
                store:
                  azure:
                    container-url: https://acct.blob.core.windows.net/invoices
                    auth: sas
                    sas-token: ${env:AZURE_SAS}
                """;
        String sas = "sv=2024-11-04&sig=ZXhhbXBsZQ";
        Map<String, String> env = Map.of("KERNEL_CLIENT_SECRET", CLIENT_SECRET, "AZURE_SAS", sas);
        BillingConfig config = BillingConfigLoader.parse(yaml, "billing.yaml", env::get);

        assertEquals(CLIENT_SECRET, config.kernel().clientSecret().reveal());
        assertEquals(sas, config.store().azure().sasToken().reveal());
        String shown = config.toString();
        assertFalse(shown.contains(CLIENT_SECRET), shown);
        assertFalse(shown.contains(sas), shown);
        assertFalse(shown.contains("ZXhhbXBsZQ"), shown);
        assertTrue(shown.contains("******"), shown);
    }

    @Test
    void azureStoreWithConnectionString() {
        String yaml = MINIMAL + """
                store:
                  azure:
                    container-url: https://acct.blob.core.windows.net/invoices
                    prefix: liceo/
                    auth: connection-string
                    connection-string: ${env:AZURE_STORAGE_CONNECTION_STRING}
                """;
        String conn = "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=a2V5";
        AzureStoreSettings azure = BillingConfigLoader.parse(yaml, "billing.yaml",
                Map.of("AZURE_STORAGE_CONNECTION_STRING", conn)::get).store().azure();

        assertEquals("https://acct.blob.core.windows.net/invoices", azure.containerUrl());
        assertEquals("liceo/", azure.prefix());
        assertEquals("connection-string", azure.auth());
        assertEquals(conn, azure.connectionString().reveal());
        assertNull(azure.sasToken());
    }

    @Test
    void azureStoreDefaults() {
        String yaml = MINIMAL + """
                store:
                  azure:
                    container-url: https://acct.blob.core.windows.net/invoices
                """;
        AzureStoreSettings azure = BillingConfigLoader.parse(yaml, "billing.yaml", name -> null).store().azure();

        assertEquals("", azure.prefix());
        assertEquals("default", azure.auth());
        assertNull(azure.connectionString());
        assertNull(azure.sasToken());
    }

    @Test
    void loadUsesTheFileNameAndTheHashOfItsBytes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ob-bra.yaml");
        Files.writeString(file, MINIMAL, StandardCharsets.UTF_8);

        BillingConfig config = BillingConfigLoader.load(file, name -> null);

        assertEquals("ob-bra.yaml", config.source());
        assertEquals(MINIMAL_SHA256, config.sha256());
        assertEquals(MINIMAL_SHA256, BillingConfigLoader.parse(MINIMAL, "x.yaml", name -> null).sha256());
    }

    /** {@code printf 'obs:\n  BRA:\n    pricing:\n      - from: 2026-01\n        model: per-query\n' | sha256sum}. */
    private static final String MINIMAL_SHA256 = "b931be72e7f3d1adf5fbceb9105398b6af2655496afeb86977b63ad8f829a6da";

    @Test
    void missingFileIsAConfigurationErrorNamingIt(@TempDir Path dir) {
        Path file = dir.resolve("nowhere.yaml");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> BillingConfigLoader.load(file, name -> null));
        assertTrue(e.getMessage().startsWith("nowhere.yaml: "), e.getMessage());
        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("--config"), e.getMessage());
        assertEquals(2, e.exitCode());
    }

    @Test
    void readTreeKeepsLocationsAndPaths() {
        ConfigNode root = BillingConfigLoader.readTree("""
                a:
                  b:
                    - x
                    - { c: 1.50 }
                """, "frag.yaml", name -> null);
        ConfigNode c = root.required("a", "a").required("b", "b").elements().get(1).required("c", "c");
        assertEquals("a.b[1].c", c.path());
        assertEquals("frag.yaml:4:12", c.location());
        assertEquals("1.50", c.asText());
        assertEquals("frag.yaml:3:7", root.required("a", "a").required("b", "b").elements().get(0).location());
    }
}
