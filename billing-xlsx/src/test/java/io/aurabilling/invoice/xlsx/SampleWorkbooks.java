package io.aurabilling.invoice.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes sample workbooks to a folder, to look at them (not a test). */
public final class SampleWorkbooks {
    private SampleWorkbooks() {
    }

    /**
     * Writes the samples.
     *
     * @param args the target folder
     * @throws IOException when writing fails
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/samples");
        Files.createDirectories(dir);
        XlsxInvoiceWriter writer = new XlsxInvoiceWriter();
        Files.write(dir.resolve("worked-example.xlsx"),
                writer.render(TestInvoices.workedExample(), TestInvoices.workedExampleCells()));
        try (OutputStream out = Files.newOutputStream(dir.resolve("graduated.xlsx"))) {
            writer.write(TestInvoices.graduated(), out);
        }
        Files.write(dir.resolve("package.xlsx"), writer.render(TestInvoices.packageGbp()));
        Files.write(dir.resolve("flat-fee.xlsx"), writer.render(TestInvoices.flatFee()));
        Files.write(dir.resolve("yen.xlsx"), writer.render(TestInvoices.yen()));
    }
}
