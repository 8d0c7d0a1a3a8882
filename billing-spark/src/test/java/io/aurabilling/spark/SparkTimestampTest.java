package io.aurabilling.spark;

import io.aurabilling.dataset.AuraTimestamp;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Spark timestamp expression against the embedded {@link AuraTimestamp}, shape by shape. */
class SparkTimestampTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("SparkTimestampTest");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static final long FROM = LocalDateTime.of(2025, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long TO = LocalDateTime.of(2028, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);

    private static List<Long> spark(List<String> texts, ZoneId zone) {
        Dataset<Row> rows = spark.createDataset(texts, Encoders.STRING()).toDF("t")
                .select(SparkTimestamp.epochSecond(col("t"), zone, FROM, TO).as("s"));
        List<Long> out = new ArrayList<>();
        for (Row r : rows.collectAsList()) {
            out.add(r.isNullAt(0) ? null : r.getLong(0));
        }
        return out;
    }

    private static void assertSameAsEmbedded(List<String> texts, ZoneId zone) {
        List<Long> got = spark(texts, zone);
        AuraTimestamp embedded = new AuraTimestamp(zone);
        for (int i = 0; i < texts.size(); i++) {
            long packed = embedded.parse(texts.get(i));
            String what = "'" + texts.get(i) + "' in " + zone;
            if (packed == AuraTimestamp.INVALID) {
                assertNull(got.get(i), what + " is invalid");
            } else {
                assertNotNull(got.get(i), what + " is valid");
                if (packed == AuraTimestamp.FAR_PAST || packed == AuraTimestamp.FAR_FUTURE) {
                    // the embedded parser saturates beyond 1677-2262; both are outside every billing period
                    long bound = packed == AuraTimestamp.FAR_PAST ? -9_223_372_036L : 9_223_372_035L;
                    assertTrue(packed == AuraTimestamp.FAR_PAST ? got.get(i) < bound : got.get(i) > bound, what);
                    continue;
                }
                long second = AuraTimestamp.epochSecond(packed);
                if (second < FROM - 86_400 || second > TO + 86_400) {
                    // outside the window, zone transitions are not exact: documented, and outside every
                    // period the window is built for; only the validity must agree
                    continue;
                }
                assertEquals(AuraTimestamp.epochSecond(packed), got.get(i).longValue(), what);
            }
        }
    }

    @Test
    void hand_computed_instants() {
        List<String> texts = List.of("2026-10-01T00:00:00Z", "2026-10-01 02:30:15.123+02:30", "1970-01-01T00:00:00-01:00",
                "2026-10-01T00:00:00", "2024-02-29T23:59:59.999999999Z");
        List<Long> got = spark(texts, ZoneId.of("Europe/Madrid"));
        assertEquals(1790812800L, got.get(0));
        assertEquals(1790812800L + 15, got.get(1));
        assertEquals(3600L, got.get(2));
        assertEquals(1790812800L - 7200, got.get(3), "Madrid is UTC+2 on 1 October (summer time)");
        assertEquals(1709251199L, got.get(4));
    }

    @Test
    void every_valid_and_invalid_shape_agrees_with_the_embedded_parser() {
        List<String> texts = List.of(
                // valid
                "2026-10-15T10:20:30Z", "2026-10-15 10:20:30Z", "2026-10-15T10:20:30.1Z", "2026-10-15T10:20:30.123456789Z",
                "2026-10-15T10:20:30+00:00", "2026-10-15T10:20:30-00:00", "2026-10-15T10:20:30+18:00", "2026-10-15T10:20:30-18:00",
                "2026-10-15T10:20:30.5+05:45", "2026-10-15T10:20:30", "2026-10-15 10:20:30.000001", "2024-02-29T00:00:00Z",
                "2000-02-29T12:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999-18:00", "1600-02-29T00:00:00Z",
                // invalid
                "2026-10-15t10:20:30Z", "2026-10-15T10:20:30z", " 2026-10-15T10:20:30Z", "2026-10-15T10:20:30Z ",
                "2026-10-15T10:20:30Z\n", "2026-10-15\t10:20:30Z", "2026-10-15T24:00:00Z", "2026-10-15T25:00:00Z",
                "2026-10-15T10:60:00Z", "2026-10-15T10:20:60Z", "2026-10-32T10:20:30Z", "2026-02-29T10:20:30Z",
                "1900-02-29T10:20:30Z", "2026-13-01T10:20:30Z", "2026-00-01T10:20:30Z", "2026-10-00T10:20:30Z",
                "2026-10-15T10:20:30+18:01", "2026-10-15T10:20:30+19:00", "2026-10-15T10:20:30+05:60", "2026-10-15T10:20:30+0530",
                "2026-10-15T10:20:30.Z", "2026-10-15T10:20:30.1234567890Z", "2026-10-15T10:20Z", "2026/10/15T10:20:30Z",
                "2026-10-15T10.20.30Z", "26-10-15T10:20:30Z", "+2026-10-15T10:20:30Z", "2026-1-15T10:20:30Z",
                "2026-10-15T10:20:30UTC", "2026-10-15T10:20:30+02", "2026-10-15T10:20:30 +02:00", "", "garbage",
                "２０２６-10-15T10:20:30Z", "2026-10-15T10:20:30.１Z", "2026-10-15T10:20:30+02:00Z", "2026-10-15TT10:20:30Z");
        for (String zone : List.of("UTC", "Europe/Madrid", "America/Sao_Paulo", "Asia/Kolkata")) {
            assertSameAsEmbedded(texts, ZoneId.of(zone));
        }
        assertTrue(spark(java.util.Arrays.asList((String) null), ZoneId.of("UTC")).get(0) == null, "null is invalid");
    }

    @Test
    void local_times_in_daylight_saving_gaps_and_overlaps_resolve_like_the_embedded_parser() {
        List<String> texts = new ArrayList<>();
        // Madrid: gap 2026-03-29 02:00-03:00, overlap 2026-10-25 02:00-03:00; Sao Paulo: no DST since 2019;
        // New York: gap 2026-03-08 02:00, overlap 2026-11-01 01:00
        for (String day : List.of("2026-03-29", "2026-10-25", "2026-03-08", "2026-11-01")) {
            for (int minutes = 0; minutes < 4 * 60; minutes += 7) {
                texts.add(String.format(java.util.Locale.ROOT, "%sT%02d:%02d:%02d", day, minutes / 60, minutes % 60, minutes % 60));
            }
        }
        for (String zone : List.of("Europe/Madrid", "America/New_York", "America/Sao_Paulo", "Australia/Lord_Howe")) {
            assertSameAsEmbedded(texts, ZoneId.of(zone));
        }
    }

    @Test
    void random_texts_near_valid_ones_agree_with_the_embedded_parser() {
        Random random = new Random(20261001L);
        String alphabet = "0123456789-:T Z+.tz";
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d",
                    2025 + random.nextInt(3), random.nextInt(14), random.nextInt(33), random.nextInt(26),
                    random.nextInt(61), random.nextInt(61)));
            switch (random.nextInt(5)) {
                case 0 -> b.append('.').append(random.nextInt(1_000_000));
                case 1 -> b.append('Z');
                case 2 -> b.append(random.nextBoolean() ? '+' : '-').append(String.format(java.util.Locale.ROOT, "%02d:%02d",
                        random.nextInt(20), random.nextInt(61)));
                default -> { }
            }
            if (random.nextInt(4) == 0) {
                b.setCharAt(random.nextInt(b.length()), alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(b.toString());
        }
        assertSameAsEmbedded(texts, ZoneId.of("Europe/Madrid"));
    }
}
