package io.aurabilling.invoice;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Renders an invoice to a file format (JSON, XLSX, …). Implementations are found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.aurabilling.invoice.InvoiceWriter})
 * or registered in code on the engine's builder.
 *
 * <p>Implementations must be stateless and deterministic: the same invoice gives the
 * same bytes, with no clock, default locale or hash order involved.
 */
public interface InvoiceWriter {

    /**
     * The unique name of the format, e.g. {@code json} or {@code xlsx}.
     *
     * @return the name
     */
    String name();

    /**
     * The file extension without a dot, e.g. {@code json}.
     *
     * @return the extension
     */
    String fileExtension();

    /**
     * The media type stored with the file, e.g. {@code application/json}.
     *
     * @return the media type
     */
    String mediaType();

    /**
     * Writes the invoice. The stream is not closed.
     *
     * @param invoice the invoice
     * @param out where to write
     * @throws IOException when writing fails
     */
    void write(Invoice invoice, OutputStream out) throws IOException;

    /**
     * Writes the invoice together with the usage cells it was priced from, for formats
     * that show usage detail (the workbook's Detail and Usage-by-day sheets). Writers
     * that show no usage detail keep this default, which ignores the cells.
     *
     * @param invoice the invoice
     * @param cells the cells of the run, in {@link io.aurabilling.usage.UsageKey#ORDER}
     *              ({@code UsageAggregate.cells()}); cells of other countries are to be skipped
     * @param out where to write; not closed
     * @throws IOException when writing fails
     */
    default void write(Invoice invoice, java.util.List<io.aurabilling.usage.UsageCell> cells, OutputStream out)
            throws IOException {
        write(invoice, out);
    }

    /**
     * Renders the invoice with its usage cells to bytes.
     *
     * @param invoice the invoice
     * @param cells the cells of the run, as for {@link #write(Invoice, java.util.List, OutputStream)}
     * @return the rendered file
     */
    default byte[] render(Invoice invoice, java.util.List<io.aurabilling.usage.UsageCell> cells) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            write(invoice, cells, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot render invoice " + invoice.number() + " as " + name(), e);
        }
        return out.toByteArray();
    }

    /**
     * Renders the invoice to bytes.
     *
     * @param invoice the invoice
     * @return the rendered file
     */
    default byte[] render(Invoice invoice) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            write(invoice, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot render invoice " + invoice.number() + " as " + name(), e);
        }
        return out.toByteArray();
    }
}
