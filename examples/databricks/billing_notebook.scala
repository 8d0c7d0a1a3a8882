// Databricks notebook source
// MAGIC %md
// MAGIC # Aura Billing on Databricks (Scala)
// MAGIC
// MAGIC Aggregates a month of `Aura_Audit` on the executors, prices on the driver with the same engine as the
// MAGIC embedded path, and files the invoices in the blob store.
// MAGIC
// MAGIC Cluster: DBR 16.4 LTS or later (Spark 3.5, JDK 17) with the library
// MAGIC `billing-spark-<version>-cluster.jar`; on DBR 17.3 LTS use the jar built with `-Pspark4`.
// MAGIC See `docs/databricks.md`.

// COMMAND ----------

import io.aurabilling.config.ConfigNode
import io.aurabilling.config.yaml.BillingConfigLoader
import io.aurabilling.engine.BillingEngine
import io.aurabilling.pricing._
import io.aurabilling.spark._
import java.time.YearMonth
import scala.jdk.CollectionConverters._

// COMMAND ----------

// billing.yaml from a Unity Catalog volume; ${env:AURA_BLOB_CONNECTION} is resolved from the secret scope below
val yaml = dbutils.fs.head("/Volumes/main/aura/config/billing.yaml", 1 << 20)
val secrets = Map("AURA_BLOB_CONNECTION" -> dbutils.secrets.get("aura", "blob-connection"))
val config = BillingConfigLoader.parse(yaml, "billing.yaml", (name: String) => secrets.getOrElse(name, null))

// COMMAND ----------

// A pricing model defined in this notebook and registered in code (no service file needed):
// 0.002 per query of every component. Use it in billing.yaml with `model: notebook-flat`.
class NotebookFlat extends PricingModelFactory {
  override def name(): String = "notebook-flat"
  override def create(node: ConfigNode): PricingModel = new PricingModel {
    override def price(context: PricingContext): PricingResult = {
      val charges = context.componentQueries().asScala.map { case (component, queries) =>
        ComponentCharge.of(component, new java.math.BigDecimal("0.002").multiply(java.math.BigDecimal.valueOf(queries)))
      }.toList
      PricingResult.of(charges.asJava)
    }
  }
}

// built here, on the driver, in this thread: plugins of attached libraries are found through its class loader
val engine = BillingEngine.builder().config(config).pricingModel(new NotebookFlat()).build()

// COMMAND ----------

val month = YearMonth.parse(dbutils.widgets.get("month"))   // e.g. 2026-10
val sources = SparkSources.tables("main.aura")              // or SparkSources.folder("abfss://aura@lake.dfs.core.windows.net/datasets")
val result = SparkBilling.bill(spark, engine, sources, month, java.util.List.of(), SparkReadOptions.defaults())
val run = result.run()
println(run.rows().summaryLine())
run.invoices().asScala.foreach(i => println(s"${i.number()} ${i.total().toPlainString} ${i.currency()}"))

// COMMAND ----------

// File the invoices (JSON + XLSX, revision history) in the Azure Blob store configured in billing.yaml
import io.aurabilling.azure.{AzureBlobInvoiceStore, AzureContainers}
import io.aurabilling.store.history.{InvoiceHistory, RevisionRequest}

val azure = config.storeSettings().get().azure()
val store = new AzureBlobInvoiceStore(AzureContainers.fromSettings(azure), azure.prefix())
val history = InvoiceHistory.of(store, engine.invoiceWriters().values())
history.fileAll(run, RevisionRequest.NONE).asScala.foreach(r => println(r.summary()))
