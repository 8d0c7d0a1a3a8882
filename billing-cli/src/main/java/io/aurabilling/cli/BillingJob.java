package io.aurabilling.cli;

import io.aurabilling.config.yaml.BillingConfig;
import io.aurabilling.dataset.DatasetBilling;
import io.aurabilling.dataset.DatasetSource;
import io.aurabilling.dataset.ReadOptions;
import io.aurabilling.engine.BillingEngine;
import io.aurabilling.engine.BillingRun;
import io.aurabilling.invoice.Invoice;
import io.aurabilling.invoice.InvoiceWriter;
import io.aurabilling.store.history.FilingResult;
import io.aurabilling.store.history.FilingStatus;
import io.aurabilling.store.history.InvoiceHistory;
import io.aurabilling.store.history.RevisionRequest;
import io.aurabilling.usage.UsageCell;

import java.io.PrintWriter;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * One billing job as {@code run} and {@code demo} do it: read the month, price every OB
 * asked for, then store each invoice (or, for a dry run, render it in memory only), printing
 * one summary line per invoice. The caller ends its output with the run's row accounting
 * ({@code run.rows().summaryLine()}).
 *
 * @param config the configuration
 * @param source where the datasets are
 * @param month the billing month
 * @param obs the OBs to invoice, empty for every configured OB
 * @param store the store, or {@code null} for a dry run
 * @param revision whether revisions may be issued
 */
public record BillingJob(BillingConfig config, DatasetSource source, YearMonth month, List<String> obs,
                         StoreOptions.OpenedStore store, RevisionRequest revision) {
    /** Validates and copies the components. */
    public BillingJob {
        requireNonNull(config, "config is null");
        requireNonNull(source, "source is null");
        requireNonNull(month, "month is null");
        obs = List.copyOf(obs);
        requireNonNull(revision, "revision is null");
    }

    /**
     * Runs the job. Every invoice is checked against the store before any is written
     * ({@code InvoiceHistory.fileAll}): a conflict on one OB stops the job with nothing
     * written for any OB. The invoices are then filed in OB order.
     *
     * @param out where the summary lines go
     * @param readDone called once the datasets are read and priced, before anything is stored or
     *                 printed (ends the progress line)
     * @return the run
     * @throws io.aurabilling.BillingException for a configuration, data, remote or conflict failure
     */
    public BillingRun execute(PrintWriter out, Runnable readDone) {
        BillingEngine engine = BillingEngine.builder().config(config).build();
        BillingRun run;
        try {
            run = DatasetBilling.bill(engine, source, month, obs, ReadOptions.defaults()).run();
        } finally {
            readDone.run();
        }
        Collection<InvoiceWriter> writers = engine.invoiceWriters().values();
        if (store == null) {
            dryRun(run, writers, out);
        } else {
            InvoiceHistory history = InvoiceHistory.of(store.store(), writers).withUsage(run.usage().cells());
            List<FilingResult> filed = history.fileAll(run.invoices(), revision);
            for (int i = 0; i < filed.size(); i++) {
                out.println(InvoiceSummary.of(run.invoices().get(i), filed.get(i).revision()).line(outcome(filed.get(i))));
            }
        }
        out.flush();
        return run;
    }

    /** Renders every invoice with every writer, in memory, and says so. */
    private static void dryRun(BillingRun run, Collection<InvoiceWriter> writers, PrintWriter out) {
        List<UsageCell> cells = run.usage().cells();
        for (Invoice invoice : run.invoices()) {
            List<String> sizes = new ArrayList<>();
            for (InvoiceWriter writer : writers) {
                sizes.add(writer.fileExtension() + " " + writer.render(invoice, cells).length + " bytes");
            }
            out.println(InvoiceSummary.of(invoice, 0).line("dry-run, not stored (rendered " + String.join(", ", sizes)
                    + ")"));
        }
    }

    private String outcome(FilingResult filed) {
        String json = store.show(filed.names().get(filed.names().size() - 1));
        String word = filed.status() == FilingStatus.CREATED ? "stored" : filed.status().name().toLowerCase(Locale.ROOT);
        String line = word + " " + json;
        if (!filed.abandoned().isEmpty()) {
            line += " (abandoned interrupted write " + String.join(", ", filed.abandoned()) + ")";
        }
        return line;
    }
}
