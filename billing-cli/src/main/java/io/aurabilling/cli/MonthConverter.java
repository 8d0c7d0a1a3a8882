package io.aurabilling.cli;

import picocli.CommandLine;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.regex.Pattern;

/** Reads {@code --period YYYY-MM} strictly: four-digit year, month 01 to 12. */
public final class MonthConverter implements CommandLine.ITypeConverter<YearMonth> {
    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");

    /** Used by picocli. */
    public MonthConverter() {
    }

    @Override
    public YearMonth convert(String value) {
        if (value != null && MONTH.matcher(value).matches()) {
            try {
                return YearMonth.parse(value);
            } catch (DateTimeException e) {
                // falls through to the one message below
            }
        }
        throw new CommandLine.TypeConversionException("'" + value + "' is not a month; expected YYYY-MM with a month "
                + "from 01 to 12, e.g. 2026-10");
    }
}
