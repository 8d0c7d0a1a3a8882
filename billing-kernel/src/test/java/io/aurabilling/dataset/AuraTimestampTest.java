package io.aurabilling.dataset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AuraTimestampTest {
    private final AuraTimestamp utc = new AuraTimestamp(ZoneOffset.UTC);

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            // shapes of the datasets README
            "2026-10-01T12:00:00Z                | 2026-10-01T12:00:00Z",
            "2026-10-01T12:00:00.123Z            | 2026-10-01T12:00:00.123Z",
            "2026-10-01T12:00:00.123456+02:00    | 2026-10-01T10:00:00.123456Z",
            "2026-10-01T09:00:00-03:00           | 2026-10-01T12:00:00Z",
            "2026-10-01T12:00:00                 | 2026-10-01T12:00:00Z",
            "2026-10-01 12:00:00.5               | 2026-10-01T12:00:00.500Z",
            // fractions of 1 to 9 digits
            "2026-10-01T12:00:00.1Z              | 2026-10-01T12:00:00.100Z",
            "2026-10-01T12:00:00.123456789Z      | 2026-10-01T12:00:00.123456789Z",
            "2026-10-01T12:00:00.000000001-03:00 | 2026-10-01T15:00:00.000000001Z",
            // a space and an offset; extreme offsets; offset -00:00
            "2026-10-01 23:59:59+18:00           | 2026-10-01T05:59:59Z",
            "2026-10-01T00:00:00-18:00           | 2026-10-01T18:00:00Z",
            "2026-10-01T00:00:00-00:00           | 2026-10-01T00:00:00Z",
            "2026-10-01T00:00:00+05:45           | 2026-09-30T18:15:00Z",
            // calendar: leap day, month ends, year boundary
            "2024-02-29T00:00:00Z                | 2024-02-29T00:00:00Z",
            "2000-02-29T12:00:00Z                | 2000-02-29T12:00:00Z",
            "2026-12-31T23:59:59.999Z            | 2026-12-31T23:59:59.999Z",
            "2027-01-01T01:00:00+02:00           | 2026-12-31T23:00:00Z",
            "1970-01-01T00:00:00Z                | 1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59.5Z              | 1969-12-31T23:59:59.500Z",
    })
    void parsesEveryShape(String text, String expected) {
        long packed = utc.parse(text);
        assertEquals(Instant.parse(expected), AuraTimestamp.toInstant(packed));
        byte[] bytes = ("xx" + text + "yy").getBytes(StandardCharsets.UTF_8);
        assertEquals(packed, utc.parse(bytes, 2, bytes.length - 4), "parsing from a byte range");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
            "", "2026-10-01", "2026-10-01T12:00", "2026-10-01T12:00Z", "2026-10-31T23:30-03:00",
            "2026-10-01T24:00:00Z", "2026-10-01T25:00:00Z", "2026-10-01T12:60:00Z", "2026-10-01T12:00:60Z",
            "2026-10-32T12:00:00Z", "2026-02-29T12:00:00Z", "2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z",
            "2026-00-01T00:00:00Z", "2026-10-00T00:00:00Z", "2100-02-29T00:00:00Z",
            "2026-10-01T12:00:00+18:01", "2026-10-01T12:00:00-19:00", "2026-10-01T12:00:00+02:60",
            "2026-10-01t12:00:00Z", "2026-10-01T12:00:00z", " 2026-10-01T12:00:00Z", "2026-10-01T12:00:00Z ",
            "2026-10-01T12:00:00Z\n", "\t2026-10-01T12:00:00", "2026-10-01  12:00:00", "2026/10/01T12:00:00Z",
            "2026-10-01T12.00.00Z", "2026-10-01_12:00:00Z", "2026-10-01T12:00:00.Z", "2026-10-01T12:00:00.",
            "2026-10-01T12:00:00.1234567890Z", "2026-10-01T12:00:00+0200", "2026-10-01T12:00:00+02",
            "2026-10-01T12:00:00+02:00Z", "2026-10-01T12:00:00ZZ", "2026-10-01T12:00:00 Z", "26-10-01T12:00:00Z",
            "+2026-10-01T12:00:00Z", "2026-1-01T12:00:00Z", "2026-10-01T1:00:00Z", "2026-10-01T12:00:00,5Z",
            "2026-10-01T12:00:00UTC", "2026-10-01T12:00:00[Europe/Madrid]", "２026-10-01T12:00:00Z",
            "2026-10-01T12:00:00.5-03:00:00", "2026-10-0aT12:00:00Z", "abcd-ef-ghTij:kl:mnZ"})
    void rejectsEverythingElse(String text) {
        assertEquals(AuraTimestamp.INVALID, utc.parse(text));
        assertNull(AuraTimestamp.toInstant(utc.parse(text)));
    }

    @Test
    void nullIsInvalid() {
        assertEquals(AuraTimestamp.INVALID, utc.parse((CharSequence) null));
    }

    @ParameterizedTest(name = "{1} in {0} = {2}")
    @CsvSource(delimiter = '|', value = {
            // fixed offsets and a zone without DST
            "+02:00            | 2026-10-01T12:00:00     | 2026-10-01T10:00:00Z",
            "America/Sao_Paulo | 2026-10-31 23:30:00     | 2026-11-01T02:30:00Z",
            // Madrid: summer (+02:00), winter (+01:00)
            "Europe/Madrid     | 2026-07-01T12:00:00     | 2026-07-01T10:00:00Z",
            "Europe/Madrid     | 2026-12-01T12:00:00.25  | 2026-12-01T11:00:00.250Z",
            // overlap 2026-10-25 02:00-03:00 local happens twice: the earlier offset (+02:00)
            "Europe/Madrid     | 2026-10-25T02:30:00     | 2026-10-25T00:30:00Z",
            "Europe/Madrid     | 2026-10-25T03:00:00     | 2026-10-25T02:00:00Z",
            "Europe/Madrid     | 2026-10-25T01:59:59     | 2026-10-24T23:59:59Z",
            // gap 2026-03-29 02:00-03:00 local does not exist: moved forward by the gap
            "Europe/Madrid     | 2026-03-29T02:30:00     | 2026-03-29T01:30:00Z",
            "Europe/Madrid     | 2026-03-29T01:59:59     | 2026-03-29T00:59:59Z",
            "Europe/Madrid     | 2026-03-29T03:00:00     | 2026-03-29T01:00:00Z",
            // explicit offsets ignore the no-offset zone
            "Europe/Madrid     | 2026-07-01T12:00:00Z    | 2026-07-01T12:00:00Z",
    })
    void textWithoutOffsetUsesTheConfiguredZone(String zone, String text, String expected) {
        AuraTimestamp parser = new AuraTimestamp(ZoneId.of(zone));
        assertEquals(Instant.parse(expected), AuraTimestamp.toInstant(parser.parse(text)));
    }

    @Test
    void theZoneCacheFollowsTransitionsBothWays() {
        AuraTimestamp madrid = new AuraTimestamp(ZoneId.of("Europe/Madrid"));
        // alternate winter and summer so the cached stretch is left every time
        for (int i = 0; i < 3; i++) {
            assertEquals(Instant.parse("2026-01-15T11:00:00Z"), AuraTimestamp.toInstant(madrid.parse("2026-01-15T12:00:00")));
            assertEquals(Instant.parse("2026-06-15T10:00:00Z"), AuraTimestamp.toInstant(madrid.parse("2026-06-15T12:00:00")));
            assertEquals(Instant.parse("2026-10-25T01:30:00Z"), AuraTimestamp.toInstant(madrid.parse("2026-10-25T02:30:00+01:00")));
        }
    }

    @Test
    void packingKeepsNanosAndSaturatesBeyondItsRange() {
        long packed = AuraTimestamp.pack(Instant.parse("2026-10-01T12:00:00.123456789Z"));
        assertEquals(Instant.parse("2026-10-01T12:00:00Z").getEpochSecond(), AuraTimestamp.epochSecond(packed));
        assertEquals(123_456_789, AuraTimestamp.nano(packed));
        assertEquals(AuraTimestamp.FAR_FUTURE, utc.parse("9999-12-31T23:59:59Z"));
        assertEquals(AuraTimestamp.FAR_PAST, utc.parse("0001-01-01T00:00:00Z"));
    }
}
