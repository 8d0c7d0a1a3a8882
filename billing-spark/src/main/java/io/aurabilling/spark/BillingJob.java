package io.aurabilling.spark;

import io.aurabilling.BillingException;
import io.aurabilling.azure.AzureBlobInvoiceStore;
import io.aurabilling.azure.AzureContainers;
import io.aurabilling.config.yaml.BillingConfig;
import io.aurabilling.config.yaml.BillingConfigLoader;
import io.aurabilling.config.yaml.StoreSettings;
import io.aurabilling.engine.BillingEngine;
import io.aurabilling.engine.BillingRun;
import io.aurabilling.invoice.Invoice;
import io.aurabilling.invoice.json.JsonInvoiceWriter;
import io.aurabilling.invoice.xlsx.XlsxInvoiceWriter;
import io.aurabilling.store.InvoiceStore;
import io.aurabilling.store.folder.FolderInvoiceStore;
import io.aurabilling.store.history.FilingResult;
import io.aurabilling.store.history.InvoiceHistory;
import io.aurabilling.store.history.RevisionRequest;
import io.aurabilling.usage.UsageCell;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Databricks JAR task: {@code main} of the cluster jar. Parameters (JSON array of the task):
 *
 * <pre>
 * --config   dbfs:/Volumes/main/aura/config/billing.yaml   billing.yaml (any Hadoop path); ${ENV} from the cluster's
 *                                                        environment, e.g. {{secrets/aura/blob-connection}}
 * --month    2026-10                                     the billing month
 * --datasets abfss://aura@lake.dfs.core.windows.net/datasets   the folder holding Aura_Audit/ and D_*&#47;, or
 * --tables   main.aura                                   the schema holding tables Aura_Audit, D_Aura_App, …
 * --ob       BRA,ESP                                     optional: the OBs to invoice (default: every configured OB)
 * --out      abfss://…/invoices/2026-10                  optional: write NUMBER.json and NUMBER.xlsx there
 * --store                                                optional: file the invoices in billing.yaml's store
 *                                                        (Azure Blob or folder) with their revision history
 * --revise   "reason"                                    optional with --store: issue a new revision
 * </pre>
 *
 * <p>Exit status: 0 done, 1 bad parameters, otherwise the library's exit codes (2 configuration, 3 input
 * data, 4 remote service, 5 conflict). The Spark session is the cluster's ({@code getOrCreate}).
 */
public final class BillingJob {
    private BillingJob() {
    }

    /**
     * Runs the job and exits with its status.
     *
     * @param args the parameters
     */
    public static void main(String[] args) {
        int status = run(SparkSession.builder().getOrCreate(), args, System.out, System.err);
        if (status != 0) {
            // a JAR task fails when main throws or exits non-zero
            System.exit(status);
        }
    }

    /**
     * Runs the job in a session.
     *
     * @param spark the session
     * @param args the parameters
     * @param out where the summary goes
     * @param err where errors go
     * @return the exit status
     */
    public static int run(SparkSession spark, String[] args, PrintStream out, PrintStream err) {
        Map<String, String> params;
        try {
            params = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("billing job: " + e.getMessage());
            err.println("usage: --config FILE --month YYYY-MM (--datasets FOLDER | --tables SCHEMA) [--ob A,B] [--out FOLDER] "
                    + "[--store [--revise REASON]]");
            return 1;
        }
        try {
            Configuration hadoop = HadoopFiles.configuration(spark);
            String configPath = params.get("config");
            String yaml;
            try (InputStream in = HadoopFiles.open(hadoop, configPath)) {
                yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            BillingConfig config = BillingConfigLoader.parse(yaml, configPath, System::getenv);
            // plugins: discovered here, on the driver, in this thread (the job's class loader)
            BillingEngine engine = BillingEngine.builder().config(config).build();
            YearMonth month = YearMonth.parse(params.get("month"));
            SparkSources sources = params.containsKey("datasets") ? SparkSources.folder(params.get("datasets"))
                    : SparkSources.tables(params.get("tables"));
            List<String> obs = params.containsKey("ob") ? Arrays.asList(params.get("ob").split(",")) : List.of();
            SparkBilling.Result result = SparkBilling.bill(spark, engine, sources, month, obs, SparkReadOptions.defaults());
            BillingRun run = result.run();
            out.println("rows: " + run.rows().summaryLine() + "; files pruned: " + result.filesPruned());
            if (params.containsKey("out")) {
                write(hadoop, params.get("out"), run, out);
            }
            if (params.containsKey("store")) {
                InvoiceHistory history = InvoiceHistory.of(store(config), engine.invoiceWriters().values());
                RevisionRequest request = params.containsKey("revise") ? RevisionRequest.revise(params.get("revise"))
                        : RevisionRequest.NONE;
                for (FilingResult filed : history.fileAll(run, request)) {
                    out.println(filed.summary());
                }
            }
            for (Invoice invoice : run.invoices()) {
                out.println(invoice.number() + " " + invoice.total().toPlainString() + " " + invoice.currency());
            }
            return 0;
        } catch (BillingException e) {
            err.println("billing job: " + e.getMessage());
            return e.exitCode();
        } catch (DateTimeParseException e) {
            err.println("billing job: --month must be YYYY-MM: " + params.get("month"));
            return 1;
        } catch (IOException e) {
            err.println("billing job: " + e.getMessage());
            return 3;
        }
    }

    private static InvoiceStore store(BillingConfig config) {
        StoreSettings settings = config.storeSettings().orElseThrow(() -> new io.aurabilling.ConfigurationException(
                "--store needs a store section in billing.yaml (store.azure or store.folder)"));
        if (settings.azure() != null) {
            return new AzureBlobInvoiceStore(AzureContainers.fromSettings(settings.azure()), settings.azure().prefix());
        }
        return new FolderInvoiceStore(settings.folder());
    }

    private static void write(Configuration hadoop, String folder, BillingRun run, PrintStream out) throws IOException {
        JsonInvoiceWriter json = new JsonInvoiceWriter();
        XlsxInvoiceWriter xlsx = new XlsxInvoiceWriter();
        for (Invoice invoice : run.invoices()) {
            List<UsageCell> cells = new ArrayList<>();
            for (UsageCell c : run.usage().cells()) {
                if (c.country().equals(invoice.ob().country())) {
                    cells.add(c);
                }
            }
            put(hadoop, folder, invoice.number() + ".json", json.toJson(invoice).getBytes(StandardCharsets.UTF_8));
            put(hadoop, folder, invoice.number() + ".xlsx", xlsx.render(invoice, cells));
            out.println("wrote " + invoice.number() + ".json and .xlsx to " + folder);
        }
    }

    private static void put(Configuration hadoop, String folder, String name, byte[] bytes) throws IOException {
        Path path = new Path(folder, name);
        try (FSDataOutputStream o = path.getFileSystem(hadoop).create(path, true)) {
            o.write(bytes);
        }
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected parameter " + a);
            }
            String name = a.substring(2);
            if (name.equals("store")) {
                params.put(name, "true");
                continue;
            }
            if (!List.of("config", "month", "datasets", "tables", "ob", "out", "revise").contains(name)) {
                throw new IllegalArgumentException("unknown parameter " + a);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            params.put(name, args[++i]);
        }
        for (String required : List.of("config", "month")) {
            if (!params.containsKey(required)) {
                throw new IllegalArgumentException("--" + required + " is required");
            }
        }
        if (params.containsKey("datasets") == params.containsKey("tables")) {
            throw new IllegalArgumentException("give exactly one of --datasets and --tables");
        }
        return params;
    }
}
