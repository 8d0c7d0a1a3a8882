package io.aurabilling.dataset.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.aurabilling.ConfigurationException;

class AuraMonthGeneratorTest {
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final int BIG = 200_000;
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    /** The timestamp grammar of billing-rules.md, written independently of the generator. */
    private static final Pattern TM = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2}):(\\d{2})(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})?");
    private static final Map<String, ZoneId> ZONES = Map.of(
            "BRA", ZoneId.of("America/Sao_Paulo"), "ESP", ZoneId.of("Europe/Madrid"), "DEU", ZoneId.of("Europe/Berlin"),
            "GBR", ZoneId.of("Europe/London"), "ARG", ZoneId.of("America/Argentina/Buenos_Aires"),
            "COL", ZoneId.of("America/Bogota"), "PER", ZoneId.of("America/Lima"));

    @TempDir
    static Path shared;
    private static GenerationSummary big;
    private static List<GenericRecord> bigRows;

    @BeforeAll
    static void generateTheBigMonth() throws IOException {
        big = AuraMonthGenerator.generate(options(shared.resolve("big"), BIG).withRowsPerFile(2_000));
        bigRows = readAudit(shared.resolve("big"));
    }

    private static GeneratorOptions options(Path out, long rows) {
        return GeneratorOptions.of(out, OCTOBER, rows).withThreads(2);
    }

    @Test
    void sameOptionsGiveByteIdenticalFilesWhateverTheThreads(@TempDir Path dir) throws Exception {
        GenerationSummary a = AuraMonthGenerator.generate(options(dir.resolve("a"), 30_000).withThreads(1).withRowsPerFile(700));
        GenerationSummary b = AuraMonthGenerator.generate(options(dir.resolve("b"), 30_000).withThreads(3).withRowsPerFile(700));
        Map<String, String> ha = hashes(dir.resolve("a"));
        Map<String, String> hb = hashes(dir.resolve("b"));
        assertTrue(ha.size() > 40, "expected many files, got " + ha.keySet());
        assertEquals(ha, hb);
        assertEquals(a, b);
        // running again over an existing folder gives the same files (stale parts are replaced)
        AuraMonthGenerator.generate(options(dir.resolve("a"), 30_000).withRowsPerFile(700));
        assertEquals(ha, hashes(dir.resolve("a")));
    }

    @Test
    void aDifferentSeedGivesDifferentData(@TempDir Path dir) throws Exception {
        AuraMonthGenerator.generate(options(dir.resolve("a"), 20_000));
        AuraMonthGenerator.generate(options(dir.resolve("b"), 20_000).withSeed(GeneratorOptions.DEFAULT_SEED + 1));
        Map<String, String> ha = hashes(dir.resolve("a"));
        Map<String, String> hb = hashes(dir.resolve("b"));
        for (Map.Entry<String, String> e : ha.entrySet()) {
            if (e.getKey().startsWith("Aura_Audit/") && hb.containsKey(e.getKey())) {
                assertNotEquals(e.getValue(), hb.get(e.getKey()), e.getKey());
            }
        }
        Set<String> idsA = new HashSet<>();
        readAudit(dir.resolve("a")).forEach(r -> idsA.add(r.get("INTERACTION_ID").toString()));
        for (GenericRecord r : readAudit(dir.resolve("b"))) {
            assertFalse(idsA.contains(r.get("INTERACTION_ID").toString()));
        }
    }

    @Test
    void rowCountIsExactlyAsAskedAndFilesFollowTheLayout(@TempDir Path dir) throws Exception {
        for (long rows : new long[] {0, 1, 7, 12_345}) {
            Path out = dir.resolve("n" + rows);
            GenerationSummary s = AuraMonthGenerator.generate(options(out, rows).withRowsPerFile(500));
            assertEquals(rows, s.rows());
            assertEquals(rows, readAudit(out).size());
            long listed = 0;
            Map<String, Long> dayRows = new TreeMap<>();
            for (GeneratedFile f : s.files()) {
                if (f.relativePath().startsWith("Aura_Audit/")) {
                    assertTrue(f.relativePath().matches("Aura_Audit/DAY_DT=\\d{4}-\\d{2}-\\d{2}/part-\\d{5}\\.avro"), f.relativePath());
                    assertEquals(f.rows(), count(out.resolve(f.relativePath())), f.relativePath());
                    assertTrue(f.rows() <= 500 && f.rows() > 0, f + " exceeds the target");
                    listed += f.rows();
                    dayRows.merge(f.relativePath().substring(18, 28), f.rows(), Long::sum);
                }
            }
            assertEquals(rows, listed);
            for (String day : dayRows.keySet()) {
                LocalDate d = LocalDate.parse(day);
                assertTrue(!d.isBefore(LocalDate.of(2026, 9, 30)) && !d.isAfter(LocalDate.of(2026, 11, 1)), day);
            }
            for (String dim : List.of("D_Aura_App", "D_Aura_Component", "D_Aura_Channel", "D_Aura_Preset", "D_Gbl_Country")) {
                assertTrue(Files.isRegularFile(out.resolve(dim).resolve("part-0.avro")), dim);
            }
        }
        // 12,345 rows at 500 per file: each day needs ceil(dayRows / 500) files
        long days = 33;
        long files = Files.walk(dir.resolve("n12345").resolve("Aura_Audit")).filter(Files::isRegularFile).count();
        assertTrue(files >= 12_345 / 500 && files <= 12_345 / 500 + days, "files: " + files);
    }

    @Test
    void recordsReadBackWithAPlainGenericDatumReaderInEveryShape() throws Exception {
        Set<String> components = names(shared.resolve("big/D_Aura_Component/part-0.avro"), "AURA_COMPONENT_ID");
        Set<String> apps = names(shared.resolve("big/D_Aura_App/part-0.avro"), "AURA_APP_ID");
        Set<String> channels = names(shared.resolve("big/D_Aura_Channel/part-0.avro"), "AURA_CHANNEL_ID");
        Set<String> presets = names(shared.resolve("big/D_Aura_Preset/part-0.avro"), "AURA_PRESET_NAME");
        assertEquals(8, components.size());
        assertTrue(apps.size() >= 70, "apps: " + apps.size());
        assertTrue(apps.containsAll(List.of("mi-vivo", "mi-movistar", "mein-o2")));
        Map<String, Integer> shapes = new TreeMap<>();
        Set<String> services = new HashSet<>();
        for (GenericRecord r : bigRows) {
            assertTrue(UUID.matcher(r.get("INTERACTION_ID").toString()).matches(), () -> r.toString());
            String country = r.get("COUNTRY_3_ALPHA_CD").toString();
            assertTrue(ZONES.containsKey(country), () -> country);
            String service = r.get("AURA_SERVICE_NAME_CD").toString();
            services.add(service);
            Object preset = r.get("AURA_PRESET_NAME");
            assertEquals("ai".equals(service), preset != null, () -> r.toString());
            if (preset != null) {
                assertTrue(presets.contains(preset.toString()), () -> r.toString());
            }
            Object channel = r.get("AURA_CHANNEL_ID");
            assertTrue(channel == null || channels.contains(channel.toString()), () -> r.toString());
            String tm = r.get("AURA_TM").toString();
            Instant instant = parse(tm);
            String dayDt = r.get("DAY_DT").toString();
            if (instant != null) {
                assertEquals(LocalDate.ofInstant(instant, ZoneOffset.UTC).toString(), dayDt, () -> r.toString());
                shapes.merge(shape(tm), 1, Integer::sum);
            }
        }
        assertEquals(Set.of("message", "nlpaas", "ai", "other"), services);
        assertEquals(Set.of("T.3Z", "T.0Z", "T.6+", "T.0+", "T.0", " .1"), shapes.keySet(), shapes.toString());
        assertTrue(shapes.get("T.3Z") > bigRows.size() * 0.7, shapes.toString());
        // the written schema is the shipped one, custom properties included
        try (DataFileReader<GenericRecord> reader = new DataFileReader<>(
                shared.resolve("big").resolve(big.files().get(0).relativePath()).toFile(), new GenericDatumReader<>())) {
            Schema written = reader.getSchema();
            assertEquals(AvroOutput.schema("Aura_Audit"), written);
            assertEquals("6.0.0", written.getProp("x-fp-version"));
            assertEquals(1, written.getField("INTERACTION_ID").getObjectProp("x-fp-unique-constraint"));
            assertEquals("deflate", reader.getMetaString("avro.codec"));
        }
    }

    @Test
    void anomalyRatesAreRoughlyAsConfiguredAndTheSummaryMatchesAnIndependentRecount() throws Exception {
        Set<String> components = names(shared.resolve("big/D_Aura_Component/part-0.avro"), "AURA_COMPONENT_ID");
        Set<String> apps = names(shared.resolve("big/D_Aura_App/part-0.avro"), "AURA_APP_ID");
        long bad = 0;
        long out = 0;
        long dup = 0;
        long nullApps = 0;
        long nullChannels = 0;
        long unknownApps = 0;
        long unknownComponents = 0;
        Set<String> keys = new HashSet<>();
        Map<String, Long> billable = new TreeMap<>();
        Map<String, Set<String>> requests = new TreeMap<>();
        for (GenericRecord r : bigRows) {
            String id = r.get("INTERACTION_ID").toString();
            String component = r.get("AURA_COMPONENT_ID").toString();
            String country = r.get("COUNTRY_3_ALPHA_CD").toString();
            Object app = r.get("AURA_APP_ID");
            if (app == null) {
                nullApps++;
                assertTrue(component.equals("aura-groot") || component.equals("aura-bridge"), () -> r.toString());
            } else if (!apps.contains(app.toString())) {
                unknownApps++;
            }
            if (r.get("AURA_CHANNEL_ID") == null) {
                nullChannels++;
            }
            if (!components.contains(component)) {
                unknownComponents++;
            }
            // the buckets in the order of billing-rules.md
            Instant t = parse(r.get("AURA_TM").toString());
            if (t == null) {
                bad++;
                continue;
            }
            ZonedDateTime local = t.atZone(ZONES.get(country));
            if (!YearMonth.from(local).equals(OCTOBER)) {
                out++;
                continue;
            }
            if (!keys.add(id + "|" + component)) {
                dup++;
                continue;
            }
            billable.merge(country, 1L, Long::sum);
            requests.computeIfAbsent(country, k -> new HashSet<>()).add(id);
        }
        double n = bigRows.size();
        assertInRange("duplicates", dup / n, 0.0002, 0.001);
        assertInRange("bad timestamps", bad / n, 0.00002, 0.0003);
        assertInRange("unknown ids", (unknownApps + unknownComponents) / n, 0.00002, 0.0003);
        assertInRange("null channels", nullChannels / n, 0.0005, 0.002);
        assertInRange("null apps", nullApps / n, 0.003, 0.03);
        assertInRange("out of period", out / n, 0.0001, 0.003);
        assertTrue(unknownApps > 0 && unknownComponents > 0);
        assertEquals(dup, big.duplicates());
        assertEquals(bad, big.badTimestamps());
        assertEquals(out, big.outOfPeriod());
        assertEquals(nullApps, big.nullApps());
        assertEquals(nullChannels, big.nullChannels());
        assertEquals(unknownApps, big.unknownApps());
        assertEquals(unknownComponents, big.unknownComponents());
        assertEquals(billable, big.billableRowsByOb());
        Map<String, Long> requestCounts = new TreeMap<>();
        requests.forEach((k, v) -> requestCounts.put(k, (long) v.size()));
        assertEquals(requestCounts, big.billableRequestsByOb());
        assertEquals(BIG, big.rows());
        assertEquals(BIG - dup - bad - out, big.billableRows());
    }

    @Test
    void trafficHasOurVolumesShapesAndMultiComponentInteractions() {
        Map<String, Long> byOb = new TreeMap<>();
        long[] braHours = new long[24];
        Map<DayOfWeek, Long> espWeekdays = new TreeMap<>();
        Map<String, List<GenericRecord>> interactions = new HashMap<>();
        for (GenericRecord r : bigRows) {
            String country = r.get("COUNTRY_3_ALPHA_CD").toString();
            byOb.merge(country, 1L, Long::sum);
            Instant t = parse(r.get("AURA_TM").toString());
            if (t == null) {
                continue;
            }
            ZonedDateTime local = t.atZone(ZONES.get(country));
            if (country.equals("BRA")) {
                braHours[local.getHour()]++;
            }
            if (country.equals("ESP") && YearMonth.from(local).equals(OCTOBER)) {
                espWeekdays.merge(local.getDayOfWeek(), 1L, Long::sum);
            }
            interactions.computeIfAbsent(r.get("INTERACTION_ID").toString(), k -> new ArrayList<>()).add(r);
        }
        assertEquals(big.rowsByOb(), byOb);
        assertTrue(byOb.get("BRA") > 5 * byOb.get("PER"), byOb.toString());
        assertTrue(byOb.get("ESP") > 4 * byOb.get("PER"), byOb.toString());
        // local noon is busy, local 3 am is quiet, in São Paulo time
        assertTrue(braHours[12] > 5 * braHours[3], java.util.Arrays.toString(braHours));
        // October 2026 has 5 Saturdays and 4 Wednesdays... compare per-day averages
        double saturday = espWeekdays.get(DayOfWeek.SATURDAY) / 5.0;
        double wednesday = espWeekdays.get(DayOfWeek.WEDNESDAY) / 4.0;
        assertTrue(saturday < 0.85 * wednesday, espWeekdays.toString());
        int[] sizes = new int[5];
        for (List<GenericRecord> rows : interactions.values()) {
            Set<String> distinct = new HashSet<>();
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (GenericRecord r : rows) {
                distinct.add(r.get("AURA_COMPONENT_ID").toString());
                assertEquals(rows.get(0).get("COUNTRY_3_ALPHA_CD"), r.get("COUNTRY_3_ALPHA_CD"));
                Instant t = parse(r.get("AURA_TM").toString());
                if (t != null) {
                    min = Math.min(min, t.toEpochMilli());
                    max = Math.max(max, t.toEpochMilli());
                }
            }
            assertTrue(distinct.size() <= 3, () -> rows.toString());
            sizes[distinct.size()]++;
            // a few ms apart, plus up to a second lost by the shapes without a fraction
            assertTrue(max - min < 2_000, () -> "components of one interaction lie within a second or so: " + rows);
        }
        assertTrue(sizes[1] > 0 && sizes[2] > sizes[1] / 10 && sizes[3] > 0, java.util.Arrays.toString(sizes));
    }

    @Test
    void dimensionsCarryTheNames() throws Exception {
        Map<String, String> apps = pairs(shared.resolve("big/D_Aura_App/part-0.avro"), "AURA_APP_ID", "AURA_APP_NAME");
        assertEquals("Meu Vivo", apps.get("mi-vivo"));
        assertEquals("Mi Movistar", apps.get("mi-movistar"));
        assertEquals("Mi Movistar (PE)", apps.get("mi-movistar-pe"));
        Map<String, String> countries = pairs(shared.resolve("big/D_Gbl_Country/part-0.avro"), "COUNTRY_3_ALPHA_CD",
                "COUNTRY_NAME");
        assertEquals("Brazil", countries.get("BRA"));
        assertEquals("WhatsApp", pairs(shared.resolve("big/D_Aura_Channel/part-0.avro"), "AURA_CHANNEL_ID",
                "AURA_CHANNEL_NAME").get("whatsapp"));
        assertEquals("GPT-4o mini", pairs(shared.resolve("big/D_Aura_Preset/part-0.avro"), "AURA_PRESET_NAME",
                "AURA_PRESET_DISPLAY_NAME").get("gpt-4o-mini"));
        assertEquals("Aura NLP", pairs(shared.resolve("big/D_Aura_Component/part-0.avro"), "AURA_COMPONENT_ID",
                "AURA_COMPONENT_NAME").get("aura-nlp"));
    }

    @Test
    void zstdAndNullCodecFilesReadBack(@TempDir Path dir) throws Exception {
        for (GeneratorOptions.Codec codec : List.of(GeneratorOptions.Codec.ZSTD, GeneratorOptions.Codec.NULL)) {
            Path out = dir.resolve(codec.name());
            AuraMonthGenerator.generate(options(out, 5_000).withCodec(codec));
            assertEquals(5_000, readAudit(out).size());
            Path first;
            try (Stream<Path> files = Files.walk(out.resolve("Aura_Audit"))) {
                first = files.filter(Files::isRegularFile).sorted().findFirst().orElseThrow();
            }
            try (DataFileReader<GenericRecord> reader = new DataFileReader<>(first.toFile(), new GenericDatumReader<>())) {
                assertEquals(codec == GeneratorOptions.Codec.ZSTD ? "zstandard" : "null", reader.getMetaString("avro.codec"));
            }
        }
    }

    @Test
    void commandLineParsesAndRejectsBadUsage(@TempDir Path dir) {
        GeneratorOptions o = GenerateMain.parse(new String[] {"--out", dir.toString(), "--period", "2026-02", "--rows",
            "1_000", "--seed", "7", "--obs", "BRA,PER", "--codec", "zstd"});
        assertEquals(dir, o.outDir());
        assertEquals(YearMonth.of(2026, 2), o.period());
        assertEquals(1_000, o.rows());
        assertEquals(7, o.seed());
        assertEquals(List.of("BRA", "PER"), o.obs());
        assertEquals(GeneratorOptions.Codec.ZSTD, o.codec());
        assertThrows(ConfigurationException.class, () -> GenerateMain.parse(new String[] {"--out", "x", "--rows", "5"}));
        assertThrows(ConfigurationException.class, () -> GenerateMain.parse(
                new String[] {"--out", "x", "--period", "2026-13", "--rows", "5"}));
        assertThrows(ConfigurationException.class, () -> GenerateMain.parse(
                new String[] {"--out", "x", "--period", "2026-10", "--rows", "5", "--obs", "BRA,bra"}));
        assertThrows(ConfigurationException.class, () -> GenerateMain.parse(
                new String[] {"--out", "x", "--period", "2026-10", "--rows", "5", "--codec", "snappy"}));
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        GenerationSummary s = GenerateMain.run(new String[] {"--out", dir.resolve("cli").toString(), "--period", "2026-02",
            "--rows", "300", "--obs", "BRA,MEX", "--sample-config", dir.resolve("billing.yaml").toString()},
                new PrintStream(text, true, StandardCharsets.UTF_8));
        assertEquals(300, s.rows());
        assertEquals(Set.of("BRA", "MEX"), s.rowsByOb().keySet());
        assertTrue(text.toString(StandardCharsets.UTF_8).startsWith("wrote 300 Aura_Audit rows"));
        assertTrue(Files.isRegularFile(dir.resolve("billing.yaml")));
    }

    // ---- helpers, independent of the generator's code ----

    private static void assertInRange(String what, double value, double min, double max) {
        assertTrue(value >= min && value <= max, what + " rate " + value + " not in [" + min + ", " + max + "]");
    }

    /** Parses AURA_TM per billing-rules.md (no offset = UTC); null when it is a BAD_TIMESTAMP. */
    static Instant parse(String text) {
        Matcher m = TM.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6)));
            if (m.group(7) != null) {
                String f = (m.group(7).substring(1) + "000000000").substring(0, 9);
                local = local.withNano(Integer.parseInt(f));
            }
            ZoneOffset offset = ZoneOffset.UTC;
            String o = m.group(8);
            if (o != null && !o.equals("Z")) {
                int h = Integer.parseInt(o.substring(1, 3));
                int mi = Integer.parseInt(o.substring(4, 6));
                if (h > 18 || mi > 59 || h == 18 && mi > 0) {
                    return null;
                }
                int sign = o.charAt(0) == '-' ? -1 : 1;
                offset = ZoneOffset.ofTotalSeconds(sign * (h * 3600 + mi * 60));
            }
            return local.toInstant(offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String shape(String tm) {
        Matcher m = TM.matcher(tm);
        assertTrue(m.matches());
        int digits = m.group(7) == null ? 0 : m.group(7).length() - 1;
        String suffix = m.group(8) == null ? "" : m.group(8).equals("Z") ? "Z" : "+";
        return tm.charAt(10) + "." + digits + suffix;
    }

    static List<GenericRecord> readAudit(Path out) throws IOException {
        List<GenericRecord> rows = new ArrayList<>();
        Path audit = out.resolve("Aura_Audit");
        if (!Files.isDirectory(audit)) {
            return rows;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(audit)) {
            files = walk.filter(p -> p.toString().endsWith(".avro")).sorted().toList();
        }
        for (Path f : files) {
            try (DataFileReader<GenericRecord> reader = new DataFileReader<>(f.toFile(), new GenericDatumReader<>())) {
                while (reader.hasNext()) {
                    rows.add(reader.next());
                }
            }
        }
        return rows;
    }

    private static long count(Path file) throws IOException {
        long n = 0;
        try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
            while (reader.hasNext()) {
                reader.next();
                n++;
            }
        }
        return n;
    }

    private static Set<String> names(Path file, String field) throws IOException {
        return pairs(file, field, field).keySet();
    }

    private static Map<String, String> pairs(Path file, String key, String value) throws IOException {
        Map<String, String> map = new TreeMap<>();
        try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
            for (GenericRecord r : reader) {
                assertNotNull(r.get(key));
                assertNull(map.put(r.get(key).toString(), String.valueOf(r.get(value))), "repeated id " + r.get(key));
            }
        }
        return map;
    }

    private static Map<String, String> hashes(Path root) throws Exception {
        Map<String, String> map = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            map.put(root.relativize(f).toString().replace('\\', '/'), HexFormat.of().formatHex(sha.digest(Files.readAllBytes(f))));
        }
        return map;
    }
}
