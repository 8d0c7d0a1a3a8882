package io.aurabilling.dataset;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A parser reused row after row (it remembers the last date) answers as a fresh parser does. */
class AuraTimestampProperties {

    @Provide
    Arbitrary<List<String>> texts() {
        Arbitrary<String> date = Arbitraries.of("2026-10-31", "2026-10-30", "2026-02-29", "2024-02-29", "2026-13-01",
                "2026-10-3x", "2026/10/31", "2026-10-00");
        Arbitrary<String> time = Arbitraries.of("T23:30:00", " 00:00:00", "T24:00:00", "T12:60:00", "t01:02:03",
                "T01:02:03.5", "T01:02", "T01:02:03.1234567890", "T0a:00:00", "T00:0/:00", "T00:00:0:", "T00;00:00",
                "T00:00:00\u00e9", "T\u00e90:00:00", "T09:59:59", "T19:09:39", "T23:59:59.999999999");
        Arbitrary<String> offset = Arbitraries.of("", "Z", "-03:00", "+18:01", "+05:30", "z", " ");
        return net.jqwik.api.Combinators.combine(date, time, offset).as((d, t, o) -> d + t + o).list().ofMaxSize(30);
    }

    /** The rules of billing-rules.md with java.time: the packed instant, or INVALID. */
    static long reference(String text, ZoneId zone) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}:\\d{2})(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})?").matcher(text);
        if (!m.matches()) {
            return AuraTimestamp.INVALID;
        }
        try {
            java.time.LocalDateTime local = java.time.LocalDateTime.parse(m.group(1) + "T" + m.group(2)
                    + (m.group(3) == null ? "" : m.group(3)));
            java.time.Instant instant = m.group(4) == null ? local.atZone(zone).toInstant()
                    : local.atOffset(java.time.ZoneOffset.of(m.group(4))).toInstant();
            return AuraTimestamp.pack(instant);
        } catch (java.time.DateTimeException e) {
            return AuraTimestamp.INVALID;
        }
    }

    @Property(tries = 1000)
    void aReusedParserAgreesWithAFreshOne(@ForAll("texts") List<String> texts) {
        ZoneId zone = ZoneId.of("America/Sao_Paulo");
        AuraTimestamp reused = new AuraTimestamp(zone);
        for (String text : texts) {
            // inside a larger array, at an offset, as in a block
            byte[] b = ("xx" + text + "yyyyyyyy").getBytes(StandardCharsets.UTF_8);
            int len = text.getBytes(StandardCharsets.UTF_8).length;
            long parsed = reused.parse(b, 2, len);
            assertEquals(new AuraTimestamp(zone).parse(b, 2, len), parsed, text);
            assertEquals(reference(text, zone), parsed, text);
        }
    }
}
