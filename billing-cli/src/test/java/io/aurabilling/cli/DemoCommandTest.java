package io.aurabilling.cli;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code billing demo} end to end, in-process, into a temporary folder. */
class DemoCommandTest {
    @TempDir
    Path work;

    @Test
    void billsEveryObWithWorkbooksAndIsUnchangedTheSecondTime() throws IOException {
        Path out = work.resolve("demo");
        Cli.Result r = Cli.run("demo", "--out", out.toString());
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err());
        List<String> lines = r.outLines();
        assertEquals(11, lines.size(), r::toString);
        List<String> obs = List.of("ARG", "BRA", "COL", "DEU", "ESP", "GBR", "PER");
        for (int i = 0; i < obs.size(); i++) {
            Matcher m = RunCommandTest.LINE.matcher(lines.get(i));
            assertTrue(m.matches(), lines.get(i));
            String ob = obs.get(i);
            assertEquals(ob, m.group(1));
            assertEquals("stored", m.group(8));
            Path folder = out.resolve("invoices").resolve("ob=" + ob).resolve("period=2026-10");
            assertEquals(folder.resolve("LIC-" + ob + "-202610-r1.json").toString(), m.group(9));
            Path xlsx = folder.resolve("LIC-" + ob + "-202610-r1.xlsx");
            assertTrue(Files.isRegularFile(xlsx), xlsx::toString);
            try (InputStream in = Files.newInputStream(xlsx); Workbook book = new XSSFWorkbook(in)) {
                assertTrue(book.getNumberOfSheets() >= 1);
                assertEquals("Invoice", book.getSheetName(0));
            }
        }
        assertEquals("invoices: " + out.resolve("invoices"), lines.get(7));
        assertEquals("config: " + out.resolve("billing.yaml"), lines.get(8));
        assertTrue(Files.isRegularFile(out.resolve("billing.yaml")));
        Matcher rows = RunCommandTest.ROWS_LINE.matcher(lines.get(10));
        assertTrue(rows.matches(), lines.get(10));
        assertEquals(DemoCommand.ROWS, Long.parseLong(rows.group(1)));

        Cli.Result again = Cli.run("demo", "--out", out.toString());
        assertEquals(0, again.code(), again::toString);
        for (String line : again.outLines().subList(0, 7)) {
            Matcher m = RunCommandTest.LINE.matcher(line);
            assertTrue(m.matches(), line);
            assertEquals("unchanged", m.group(8), line);
        }
        assertEquals(r.outLines().get(10), again.outLines().get(10));
    }

    @Test
    void theKernelDemoBillsTheSameMonthThroughTheSimulator() {
        Path out = work.resolve("demo");
        Cli.Result local = Cli.run("demo", "--out", out.toString());
        Cli.Result kernel = Cli.run("demo", "--kernel", "--out", out.toString());
        assertEquals(0, kernel.code(), kernel::toString);
        assertEquals("", kernel.err());
        assertTrue(kernel.outLines().get(0).startsWith("kernel simulator: http://127.0.0.1:"), kernel::toString);
        // the same invoices' figures and row accounting, in a store of its own
        for (int i = 0; i < 7; i++) {
            Matcher viaKernel = RunCommandTest.LINE.matcher(kernel.outLines().get(i + 1));
            Matcher viaFolder = RunCommandTest.LINE.matcher(local.outLines().get(i));
            assertTrue(viaKernel.matches() && viaFolder.matches(), kernel::toString);
            for (int g = 1; g <= 7; g++) {
                assertEquals(viaFolder.group(g), viaKernel.group(g), kernel.outLines().get(i + 1));
            }
            assertTrue(viaKernel.group(9).contains("kernel-invoices"), viaKernel.group(9));
        }
        assertEquals(local.outLines().get(10), kernel.outLines().get(11));
        assertTrue(Files.isDirectory(out.resolve("kernel-cache")));
    }
}
