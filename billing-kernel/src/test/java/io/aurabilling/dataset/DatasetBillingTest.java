package io.aurabilling.dataset;

import io.aurabilling.config.yaml.BillingConfig;
import io.aurabilling.config.yaml.BillingConfigLoader;
import io.aurabilling.engine.BillingEngine;
import io.aurabilling.engine.BillingRun;
import io.aurabilling.invoice.Invoice;
import io.aurabilling.invoice.json.JsonInvoiceWriter;
import io.aurabilling.store.folder.FolderInvoiceStore;
import io.aurabilling.store.history.FilingResult;
import io.aurabilling.store.history.FilingStatus;
import io.aurabilling.store.history.InvoiceHistory;
import io.aurabilling.store.history.RevisionRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** From a dataset folder and billing.yaml to invoices in one call. */
class DatasetBillingTest {
    private static final String CONFIG = """
            obs:
              BRA:
                name: Telefônica Brasil
                timezone: America/Sao_Paulo
                pricing:
                  - from: 2026-01
                    model: per-query
                    rates:
                      - { component: aura-groot, price: 0.0010 }
                      - { component: "*", price: 0.0005 }
              ESP:
                timezone: Europe/Madrid
                pricing:
                  - from: 2026-01
                    model: volume
                    tiers:
                      "*":
                        - { up-to: 2, price: 0.50 }
                        - { price: 0.25 }
            """;

    private static void write(Path root, String relative, byte[] bytes) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    @Test
    void billsAFolderInOneCall(@TempDir Path dir) throws IOException {
        write(dir, "Aura_Audit/DAY_DT=2026-10-01/part-0.avro", AvroFiles.audit(List.of(
                // 23:30 in São Paulo on 31 Oct is 02:30Z on 1 Nov: October for BRA
                AuditRow.of("i1", "2026-11-01T02:30:00Z", "BRA", "aura-groot"),
                AuditRow.of("i1", "2026-11-01T02:30:00Z", "BRA", "aura-groot"),   // duplicate
                AuditRow.of("i1", "2026-11-01T02:30:00.5Z", "BRA", "aura-nlp"),  // same request
                AuditRow.of("i2", "2026-10-01T00:30:00+02:00", "ESP", "aura-groot"),
                AuditRow.of("i3", "2026-10-01T02:00:00", "ESP", "aura-groot"),
                AuditRow.of("i4", "2026-10-01T02:00:00", "ESP", "aura-groot"),
                AuditRow.of("i5", "2026-09-30T21:59:59Z", "ESP", "aura-groot"),   // September in Madrid
                AuditRow.of("i6", "2026-10-02T10:00:00Z", "FRA", "aura-groot"),
                AuditRow.of("i7", "2026-10-02 10:00:00", " ", "aura-groot"))));
        write(dir, "D_Aura_Component/part-0.avro", AvroFiles.dimension("D_Aura_Component", "AURA_COMPONENT_ID",
                "AURA_COMPONENT_NAME", "aura-groot", "Aura Groot", "aura-nlp", "Aura NLP"));
        BillingConfig config = BillingConfigLoader.parse(CONFIG, "billing.yaml", name -> null);

        BillingRun run = DatasetBilling.bill(dir, config, YearMonth.of(2026, 10));

        Invoice bra = run.invoice("BRA");
        assertEquals(2, bra.totalQueries());
        assertEquals(1, bra.totalRequests());
        assertEquals(1, bra.dataQuality().duplicate());
        // 1 x 0.0010 + 1 x 0.0005 = 0.0015: each component rounds to 0.00
        assertEquals("0.00", bra.total().toPlainString());
        assertEquals("Aura NLP", bra.components().get(1).componentName());
        Invoice esp = run.invoice("ESP");
        // 3 October queries reach the second volume tier: 3 x 0.25 = 0.75
        assertEquals(3, esp.totalQueries());
        assertEquals("0.75", esp.total().toPlainString());
        assertEquals(1, esp.dataQuality().outOfPeriod());
        assertEquals(3, esp.totalRequests());
        assertEquals("rows read=9 billed=5 MISSING_KEY=1 BAD_TIMESTAMP=0 OUT_OF_PERIOD=1 DUPLICATE=1 OTHER_OB=1",
                run.rows().summaryLine());
        String json = new JsonInvoiceWriter().toJson(bra);
        assertTrue(json.contains("\"file\": \"Aura_Audit/DAY_DT=2026-10-01/part-0.avro\""), json);
        assertTrue(json.contains("\"file\": \"D_Aura_Component/part-0.avro\""), json);

        // --ob never changes an invoice
        BillingEngine engine = BillingEngine.builder().config(config).build();
        Invoice braAlone = DatasetBilling.bill(engine, LocalDatasetFolder.of(dir), YearMonth.of(2026, 10), List.of("BRA"),
                ReadOptions.defaults().withThreads(1)).run().invoice("BRA");
        assertEquals(json, new JsonInvoiceWriter().toJson(braAlone));

        // bill and store: revision 1, then an unchanged re-run writes nothing
        InvoiceHistory history = InvoiceHistory.of(new FolderInvoiceStore(dir.resolve("invoices")),
                engine.invoiceWriters().values());
        List<FilingResult> first = history.fileAll(run, RevisionRequest.NONE);
        assertEquals(List.of(FilingStatus.CREATED, FilingStatus.CREATED), first.stream().map(FilingResult::status).toList());
        assertTrue(Files.exists(dir.resolve("invoices/ob=BRA/period=2026-10/LIC-BRA-202610-r1.json")));
        List<FilingResult> again = history.fileAll(DatasetBilling.bill(dir, config, YearMonth.of(2026, 10)),
                RevisionRequest.NONE);
        assertEquals(List.of(FilingStatus.UNCHANGED, FilingStatus.UNCHANGED),
                again.stream().map(FilingResult::status).toList());
    }
}
