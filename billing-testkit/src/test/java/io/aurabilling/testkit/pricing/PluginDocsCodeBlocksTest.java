package io.aurabilling.testkit.pricing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/plugins.md shows only code that this module's tests compile and run: every Java and
 * YAML block appears (white space aside) in the test sources, the service file block is the
 * test resource, the error messages are the ones the tests assert, and the complete model
 * is under 30 lines.
 */
class PluginDocsCodeBlocksTest {
    private static final Path MODULE = Path.of(System.getProperty("basedir", "."));
    private static final Pattern BLOCK = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);

    private record Block(String language, String text) {
    }

    private static List<Block> blocks() throws IOException {
        String doc = Files.readString(MODULE.resolve("../docs/plugins.md"), StandardCharsets.UTF_8);
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(doc);
        while (m.find()) {
            blocks.add(new Block(m.group(1), m.group(2)));
        }
        return blocks;
    }

    private static String testSources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(MODULE.resolve("src/test/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                all.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
            }
        }
        return all.toString();
    }

    private static String flat(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    @Test
    void javaAndYamlBlocksAreCompiledTestCode() throws IOException {
        String sources = flat(testSources());
        List<Block> code = blocks().stream().filter(b -> b.language().equals("java") || b.language().equals("yaml")).toList();
        assertTrue(code.size() >= 7, "code blocks found: " + code.size());
        for (Block block : code) {
            assertTrue(sources.contains(flat(block.text())), "not in the test sources:\n" + block.text());
        }
    }

    @Test
    void completeModelIsUnder30Lines() throws IOException {
        Block model = blocks().stream().filter(b -> b.text().contains("implements PricingModelFactory")).findFirst()
                .orElseThrow();
        long lines = model.text().lines().count();
        assertTrue(lines < 30, "the complete model has " + lines + " lines");
    }

    @Test
    void serviceFileAndMessagesMatchTheTests() throws IOException {
        String service = Files.readString(MODULE.resolve(
                "src/test/resources/META-INF/services/io.aurabilling.pricing.PricingModelFactory"), StandardCharsets.UTF_8);
        List<Block> text = blocks().stream().filter(b -> b.language().equals("text")).toList();
        assertEquals(2, text.size());
        assertTrue(text.stream().anyMatch(b -> b.text().equals(service)), "no block shows the service file " + service);
        String sources = testSources();
        for (Block block : text.stream().filter(b -> !b.text().equals(service)).toList()) {
            for (String line : block.text().lines().toList()) {
                assertFalse(line.isBlank());
                assertTrue(sources.contains(line), "not in the test sources: " + line);
            }
        }
    }
}
