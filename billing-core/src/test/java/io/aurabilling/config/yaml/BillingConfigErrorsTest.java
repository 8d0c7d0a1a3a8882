package io.aurabilling.config.yaml;

import io.aurabilling.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad files: each error names the file, the line and column (counted by hand in the
 * YAML below), the key path and what was expected, and never a secret.
 */
class BillingConfigErrorsTest {

    /** Line 1 obs, 2 BRA (col 3), 3 pricing (col 5), 4 from (col 9, value col 15), 5 model (col 9). */
    private static final String PRICING = """
                pricing:
                  - from: 2026-01
                    model: per-query
            """;

    private static String fails(String yaml) {
        return fails(yaml, name -> null);
    }

    private static String fails(String yaml, Function<String, String> env) {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> BillingConfigLoader.parse(yaml, "billing.yaml", env));
        assertEquals(2, e.exitCode());
        return e.getMessage();
    }

    private static void assertMessage(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected '" + part + "' in: " + message);
        }
    }

    @Test
    void unknownTopLevelKey() {
        String message = fails("""
                obs:
                  BRA:
                """ + PRICING + """
                colour: blue
                """);
        assertMessage(message, "billing.yaml:6:1: colour: unknown key 'colour'", "expected one of issuer, invoice, "
                + "defaults, obs, kernel, store");
    }

    @Test
    void unknownKeyWithANestedValuePointsAtTheKey() {
        String message = fails("""
                obs:
                  BRA:
                """ + PRICING + """
                extras:
                  a: 1
                """);
        assertMessage(message, "billing.yaml:6:1: extras: unknown key 'extras'");
    }

    @Test
    void unknownObKey() {
        String message = fails("""
                obs:
                  BRA:
                    region: south
                """ + PRICING);
        assertMessage(message, "billing.yaml:3:5: obs.BRA.region: unknown key 'region'", "expected one of name, "
                + "timezone, currency, pricing, adjustments, unpriced");
    }

    @Test
    void monthThirteen() {
        String message = fails("""
                obs:
                  BRA:
                    pricing:
                      - from: 2026-13
                        model: per-query
                """);
        assertMessage(message, "billing.yaml:4:15: obs.BRA.pricing[0].from: invalid month '2026-13'", "expected YYYY-MM");
    }

    @Test
    void monthWithoutLeadingZeroOrWithDay() {
        assertMessage(fails("""
                obs:
                  BRA:
                    pricing:
                      - from: 2026-1
                        model: per-query
                """), "billing.yaml:4:15: obs.BRA.pricing[0].from: invalid month '2026-1'", "expected YYYY-MM");
        assertMessage(fails("""
                obs:
                  BRA:
                    pricing:
                      - from: 2026-01-01
                        model: per-query
                """), "billing.yaml:4:15: obs.BRA.pricing[0].from: invalid month '2026-01-01'");
    }

    @Test
    void unknownZone() {
        String message = fails("""
                obs:
                  BRA:
                    timezone: Mars/Olympus
                """ + PRICING);
        assertMessage(message, "billing.yaml:3:15: obs.BRA.timezone: unknown time zone 'Mars/Olympus'",
                "expected an IANA zone id");
    }

    @Test
    void offsetIsNotAZoneId() {
        String message = fails("""
                defaults:
                  timestamps-without-offset: "+02:00"
                obs:
                  BRA:
                """ + PRICING);
        assertMessage(message, "billing.yaml:2:30: defaults.timestamps-without-offset: unknown time zone '+02:00'",
                "expected an IANA zone id");
    }

    @Test
    void unknownRoundingMode() {
        String message = fails("""
                defaults:
                  rounding: half_up
                obs:
                  BRA:
                """ + PRICING);
        assertMessage(message, "billing.yaml:2:13: defaults.rounding: unknown rounding mode 'half_up'",
                "expected one of UP, DOWN, CEILING, FLOOR, HALF_UP, HALF_DOWN, HALF_EVEN");
    }

    @Test
    void roundingUnnecessaryIsRefused() {
        String message = fails("""
                defaults:
                  rounding: UNNECESSARY
                obs:
                  BRA:
                """ + PRICING);
        assertMessage(message, "billing.yaml:2:13: defaults.rounding: rounding UNNECESSARY cannot round amounts",
                "expected one of UP, DOWN");
        assertFalse(message.substring(message.indexOf("expected")).contains("UNNECESSARY"), message);
    }

    @Test
    void unknownCurrency() {
        String message = fails("""
                defaults:
                  currency: EURO
                obs:
                  BRA:
                """ + PRICING);
        assertMessage(message, "billing.yaml:2:13: defaults.currency: unknown currency 'EURO'", "expected an ISO 4217");
        assertMessage(fails("""
                obs:
                  BRA:
                    currency: XYZ
                """ + PRICING), "billing.yaml:3:15: obs.BRA.currency: unknown currency 'XYZ'", "expected an ISO 4217");
        // ISO codes without a minor unit: amounts could not be rounded to one
        for (String code : new String[] {"XAU", "XXX"}) {
            assertMessage(fails("""
                    obs:
                      BRA:
                        currency: %s
                    """.formatted(code) + PRICING), "billing.yaml:3:15: obs.BRA.currency: currency '" + code
                    + "' has no minor unit", "such as EUR");
        }
    }

    @Test
    void lowerCaseObCode() {
        String message = fails("""
                obs:
                  bra:
                """ + PRICING);
        assertMessage(message, "billing.yaml:2:3: obs.bra: invalid OB code 'bra'", "expected exactly three upper-case "
                + "letters");
    }

    @Test
    void duplicateYamlKeyNamesBothLines() {
        String message = fails("""
                obs:
                  BRA:
                    timezone: Europe/Madrid
                    timezone: America/Sao_Paulo
                """ + PRICING);
        assertMessage(message, "billing.yaml:4:5: obs.BRA.timezone: duplicate key 'timezone'", "line 3", "line 4",
                "expected each key once");
    }

    @Test
    void missingEnvironmentVariableIsNamed() {
        String message = fails("""
                obs:
                  BRA:
                """ + PRICING + """
                kernel:
                  environment: es-pro
                  client-id: app
                  client-secret: ${env:KERNEL_CLIENT_SECRET}
                """);
        assertMessage(message, "billing.yaml:9:18: kernel.client-secret: environment variable KERNEL_CLIENT_SECRET "
                + "is not set", "expected it to be set");
    }

    @Test
    void versionsOutOfOrderNameBoth() {
        String message = fails("""
                obs:
                  BRA:
                    pricing:
                      - from: 2026-03
                        model: per-query
                      - from: 2026-01
                        model: volume
                """);
        assertMessage(message, "billing.yaml:6:15: obs.BRA.pricing[1].from: from 2026-01 is before from 2026-03 of "
                + "obs.BRA.pricing[0].from (line 4)", "expected versions in strictly increasing from order");
    }

    @Test
    void duplicateVersionMonth() {
        String message = fails("""
                obs:
                  BRA:
                    pricing:
                      - from: 2026-01
                        model: per-query
                      - from: "2026-01"
                        model: volume
                """);
        assertMessage(message, "billing.yaml:6:15: obs.BRA.pricing[1].from: from 2026-01 repeats from 2026-01 of "
                + "obs.BRA.pricing[0].from (line 4)", "expected versions in strictly increasing from order");
    }

    @Test
    void missingPricing() {
        String message = fails("""
                obs:
                  BRA:
                    name: Vivo
                """);
        assertMessage(message, "billing.yaml:3:5: obs.BRA.pricing: missing", "expected a list of pricing versions");
    }

    @Test
    void missingObs() {
        String message = fails("""
                issuer:
                  name: Aura Global Team
                """);
        assertMessage(message, "billing.yaml:1:1: obs: missing", "expected a mapping of OB codes");
    }

    @Test
    void storeWithFolderAndAzure() {
        String message = fails("""
                obs:
                  BRA:
                """ + PRICING + """
                store:
                  folder: invoices
                  azure:
                    container-url: https://acct.blob.core.windows.net/invoices
                """);
        assertMessage(message, "billing.yaml:7:3: store: both folder and azure are set",
                "expected exactly one of folder or azure");
    }

    @Test
    void plainHttpKernelUrl() {
        String message = fails("""
                obs:
                  BRA:
                """ + PRICING + """
                kernel:
                  environment: es-pro
                  auth-url: http://auth.es-pro.baikalplatform.com/token
                  client-id: app
                  client-secret: x
                """);
        assertMessage(message, "billing.yaml:8:13: kernel.auth-url: URL uses http", "expected an https URL");
    }

    @Test
    void yamlSyntaxError() {
        String message = fails("""
                obs:
                  BRA:
                    name: Vivo
                   pricing: []
                """);
        assertMessage(message, "billing.yaml:4:4: YAML syntax error", "expected valid YAML");
    }

    @Test
    void discountAboveHundred() {
        String message = fails("""
                obs:
                  BRA:
                    adjustments:
                      discount-percent: "100.5"
                """ + PRICING);
        assertMessage(message, "billing.yaml:4:25: obs.BRA.adjustments.discount-percent: discount 100.5 is out of range",
                "expected a percentage from 0 to 100");
    }

    @Test
    void negativeMinimumAndTextAmount() {
        assertMessage(fails("""
                obs:
                  BRA:
                    adjustments:
                      minimum-amount: -1
                """ + PRICING), "billing.yaml:4:23: obs.BRA.adjustments.minimum-amount: minimum -1 is negative",
                "expected an amount of 0 or more");
        assertMessage(fails("""
                obs:
                  BRA:
                    adjustments:
                      minimum-amount: lots
                """ + PRICING), "billing.yaml:4:23: obs.BRA.adjustments.minimum-amount: not a decimal number 'lots'");
    }

    @Test
    void unpricedIsZeroOrErrorOnly() {
        String message = fails("""
                obs:
                  BRA:
                    unpriced: ignore
                """ + PRICING);
        assertMessage(message, "billing.yaml:3:15: obs.BRA.unpriced: unknown policy 'ignore'", "expected zero",
                "or error");
        for (String policy : new String[] {"zero", "error"}) {
            BillingConfig config = BillingConfigLoader.parse("""
                    obs:
                      BRA:
                        unpriced: %s
                    """.formatted(policy) + PRICING, "billing.yaml", name -> null);
            assertEquals(policy.equals("zero") ? UnpricedPolicy.ZERO
                    : UnpricedPolicy.ERROR, config.obs().get("BRA").unpriced(), policy);
        }
    }

    @Test
    void badInvoicePrefix() {
        assertMessage(fails("""
                invoice:
                  prefix: "LIC/2026"
                obs:
                  BRA:
                """ + PRICING), "billing.yaml:2:11: invoice.prefix: invalid prefix 'LIC/2026'", "expected a non-empty");
        assertMessage(fails("""
                invoice:
                  prefix: ""
                obs:
                  BRA:
                """ + PRICING), "billing.yaml:2:11: invoice.prefix: invalid prefix ''");
    }

    @Test
    void issuerNeedsAName() {
        String message = fails("""
                issuer:
                  address: Madrid
                obs:
                  BRA:
                """ + PRICING);
        assertMessage(message, "billing.yaml:2:3: issuer.name: missing", "expected the issuer's name");
    }

    @Test
    void emptyPricingAndEmptyObs() {
        assertMessage(fails("""
                obs:
                  BRA:
                    pricing: []
                """), "billing.yaml:3:14: obs.BRA.pricing: empty list", "expected at least one pricing version");
        assertMessage(fails("obs: {}\n"), "billing.yaml:1:6: obs: no OB configured", "expected at least one OB");
    }

    @Test
    void versionWithoutModel() {
        String message = fails("""
                obs:
                  BRA:
                    pricing:
                      - from: 2026-01
                        rates: []
                """);
        assertMessage(message, "billing.yaml:4:9: obs.BRA.pricing[0].model: missing", "expected a pricing model name");
    }

    @Test
    void azureAuthNeedsItsSecretAndRefusesTheOther() {
        String base = """
                obs:
                  BRA:
                """ + PRICING;
        assertMessage(fails(base + """
                store:
                  azure:
                    container-url: https://acct.blob.core.windows.net/invoices
                    auth: sas
                """), "billing.yaml:8:5: store.azure.sas-token: missing", "expected a SAS token");
        assertMessage(fails(base + """
                store:
                  azure:
                    container-url: https://acct.blob.core.windows.net/invoices
                    sas-token: abc
                """), "billing.yaml:9:16: store.azure.sas-token: set while auth is default", "expected auth: sas");
        assertMessage(fails(base + """
                store:
                  azure:
                    container-url: https://acct.blob.core.windows.net/invoices
                    auth: key
                """), "billing.yaml:9:11: store.azure.auth: unknown auth 'key'",
                "expected one of default, connection-string, sas");
        assertMessage(fails(base + """
                store:
                  azure:
                    container-url: acct/invoices
                """), "billing.yaml:8:20: store.azure.container-url: not an absolute http(s) URL");
    }

    @Test
    void anchorsAreRefused() {
        String message = fails("""
                obs:
                  BRA:
                    pricing: &p
                      - from: 2026-01
                        model: per-query
                  ESP:
                    pricing: *p
                """);
        assertMessage(message, "billing.yaml:3:14: obs.BRA.pricing: anchor '&p' found", "expected every value written out");
    }

    @Test
    void obWithoutSettingsPointsAtItsCode() {
        String message = fails("""
                obs:
                  BRA:
                  ESP:
                """ + "    pricing: []\n");
        assertMessage(message, "billing.yaml:2:3: obs.BRA: found nothing", "expected the OB's settings");
    }

    @Test
    void moreThanOneDocument() {
        String message = fails("""
                obs:
                  BRA:
                """ + PRICING + """
                ---
                obs: {}
                """);
        assertMessage(message, "billing.yaml:6:1: YAML syntax error", "single document");
    }

    @Test
    void emptyFile() {
        assertMessage(fails("# nothing yet\n"), "billing.yaml: the configuration is empty", "expected a mapping");
    }

    @Test
    void secretValuesNeverAppearInMessages() {
        String secret = "Zm9vYmFyc2VjcmV0";
        Function<String, String> env = Map.of("KERNEL_CLIENT_SECRET", secret, "TZ_SECRET", secret)::get;
        String base = """
                obs:
                  BRA:
                """ + PRICING;

        // a later error in the section that holds the secret
        String afterSecret = fails(base + """
                kernel:
                  environment: es-pro
                  client-id: app
                  client-secret: ${env:KERNEL_CLIENT_SECRET}
                  api-url: ftp://api
                """, env);
        assertMessage(afterSecret, "billing.yaml:10:12: kernel.api-url");
        assertFalse(afterSecret.contains(secret), afterSecret);

        // a substituted value that is itself wrong is shown as written, not as substituted
        String badValue = fails("""
                obs:
                  BRA:
                    timezone: ${env:TZ_SECRET}
                """ + PRICING, env);
        assertMessage(badValue, "billing.yaml:3:15: obs.BRA.timezone: unknown time zone '${env:TZ_SECRET}'");
        assertFalse(badValue.contains(secret), badValue);

        // a syntax error on a line holding a literal secret does not quote the line
        String syntax = fails(base + """
                kernel:
                  client-secret: "%s
                """.formatted(secret), env);
        assertMessage(syntax, "billing.yaml:", "YAML syntax error");
        assertFalse(syntax.contains(secret), syntax);

        // a secret given as a list is reported without its content
        String shape = fails(base + """
                kernel:
                  environment: es-pro
                  client-id: app
                  client-secret: [ "%s" ]
                """.formatted(secret), env);
        assertMessage(shape, "billing.yaml:9:18: kernel.client-secret: found a list");
        assertFalse(shape.contains(secret), shape);
    }
}
