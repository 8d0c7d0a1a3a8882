package io.aurabilling.dataset.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

class SampleConfigTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Test
    void oneObPerBuiltInModelWithTheGeneratorsZones(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("conf/billing.yaml");
        SampleConfig.write(file, GeneratorOptions.DEFAULT_OBS);
        JsonNode root = YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
        JsonNode obs = root.get("obs");
        List<String> codes = new ArrayList<>();
        obs.fieldNames().forEachRemaining(codes::add);
        assertEquals(List.of("BRA", "ESP", "DEU", "GBR", "ARG", "COL", "PER"), codes);
        assertEquals("per-query", model(obs, "BRA"));
        assertEquals("graduated", model(obs, "ESP"));
        assertEquals("volume", model(obs, "DEU"));
        assertEquals("package", model(obs, "GBR"));
        assertEquals("flat-fee", model(obs, "ARG"));
        assertEquals("cost-sharing", model(obs, "COL"));
        assertEquals("per-query", model(obs, "PER"));
        assertEquals("zero", obs.get("PER").get("unpriced").asText());
        assertEquals("GBP", obs.get("GBR").get("currency").asText());
        assertEquals("Telefônica Brasil", obs.get("BRA").get("name").asText());
        assertEquals("America/Sao_Paulo", obs.get("BRA").get("timezone").asText());
        assertEquals("Europe/Madrid", obs.get("ESP").get("timezone").asText());
        assertEquals("America/Argentina/Buenos_Aires", obs.get("ARG").get("timezone").asText());
        assertEquals(0, new java.math.BigDecimal("5").compareTo(
                obs.get("BRA").get("adjustments").get("discount-percent").decimalValue()));
        assertEquals(0, new java.math.BigDecimal("1500").compareTo(
                obs.get("BRA").get("adjustments").get("minimum-amount").decimalValue()));
        assertTrue(Files.readString(file, StandardCharsets.UTF_8).contains("      minimum-amount: 1500.00\n"));
        assertEquals("UTC", root.get("defaults").get("timestamps-without-offset").asText());
        for (String code : codes) {
            assertEquals(SyntheticCatalog.ob(code).zone().getId(), obs.get(code).get("timezone").asText(), code);
        }
    }

    @Test
    void everyGeneratedComponentHasAPriceOrIsBilledAtZero() throws Exception {
        JsonNode obs = YAML.readTree(SampleConfig.yaml(GeneratorOptions.DEFAULT_OBS)).get("obs");
        JsonNode bra = obs.get("BRA").get("pricing").get(0).get("rates");
        assertTrue(hasStar(bra, "component"), "BRA needs a \"*\" rate");
        assertTrue(obs.get("ESP").get("pricing").get(0).get("tiers").has("*"));
        assertTrue(obs.get("DEU").get("pricing").get(0).get("tiers").has("*"));
        assertTrue(obs.get("GBR").get("pricing").get(0).get("packages").has("*"));
        assertTrue(hasStar(obs.get("ARG").get("pricing").get(0).get("overage"), "component"));
        JsonNode pool = obs.get("COL").get("pricing").get(0).get("pool");
        JsonNode per = obs.get("PER").get("pricing").get(0).get("rates");
        for (SyntheticCatalog.Entry c : SyntheticCatalog.COMPONENTS) {
            assertTrue(pool.has(c.id()), "COL pool lacks " + c.id());
            boolean priced = false;
            for (JsonNode r : per) {
                priced |= r.get("component").asText().equals(c.id());
            }
            assertTrue(priced, "PER lacks a rate for " + c.id());
        }
        // unknown component ids are deliberately unpriced there
        assertEquals("zero", obs.get("COL").get("unpriced").asText());
        assertFalse(hasStar(per, "component"));
    }

    @Test
    void otherObCodesGetAPlainPerQueryPrice() throws Exception {
        JsonNode obs = YAML.readTree(SampleConfig.yaml(List.of("MEX"))).get("obs");
        assertEquals("per-query", model(obs, "MEX"));
        assertEquals("UTC", obs.get("MEX").get("timezone").asText());
    }

    private static String model(JsonNode obs, String code) {
        return obs.get(code).get("pricing").get(0).get("model").asText();
    }

    private static boolean hasStar(JsonNode rates, String field) {
        for (JsonNode r : rates) {
            if ("*".equals(r.get(field).asText())) {
                return true;
            }
        }
        return false;
    }
}
