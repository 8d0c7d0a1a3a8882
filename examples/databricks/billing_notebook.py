# Databricks notebook source
# MAGIC %md
# MAGIC # Aura Billing on Databricks (Python, through py4j)
# MAGIC
# MAGIC **Needs dedicated-access compute** (formerly "single user"): py4j's `spark._jvm` is not available on
# MAGIC standard-access (shared) clusters or serverless. There, use the Scala notebook or the JAR task.
# MAGIC
# MAGIC Cluster: DBR 16.4 LTS or later with the library `billing-spark-<version>-cluster.jar`
# MAGIC (the `-Pspark4` build on DBR 17.3 LTS). See `docs/databricks.md`.

# COMMAND ----------

jvm = spark._jvm
aura = jvm.io.aurabilling
jspark = spark._jsparkSession  # the JVM SparkSession behind this Python session

# COMMAND ----------

# billing.yaml from a volume; ${env:AURA_BLOB_CONNECTION} comes from the secret scope "aura"
yaml = dbutils.fs.head("/Volumes/main/aura/config/billing.yaml", 1 << 20)
env = jvm.java.util.HashMap()
env.put("AURA_BLOB_CONNECTION", dbutils.secrets.get("aura", "blob-connection"))
# a java.util.Map for ${env:NAME} references (py4j cannot pass a Python lambda as a java.util.function.Function
# without its callback server)
config = aura.spark.SparkBilling.parseConfig(yaml, "billing.yaml", env)

# COMMAND ----------

# plugins of attached libraries are discovered here, on the driver, in this thread
engine = aura.engine.BillingEngine.builder().config(config).build()
month = jvm.java.time.YearMonth.parse(dbutils.widgets.get("month"))   # e.g. 2026-10
sources = aura.spark.SparkSources.tables("main.aura")
result = aura.spark.SparkBilling.bill(jspark, engine, sources, month, jvm.java.util.List.of(),
                                      aura.spark.SparkReadOptions.defaults())
run = result.run()
print(run.rows().summaryLine())
for invoice in run.invoices():
    print(invoice.number(), invoice.total().toPlainString(), invoice.currency().toString())

# COMMAND ----------

# File the invoices in the Azure Blob store of billing.yaml (JSON + XLSX, revision history)
azure = config.storeSettings().get().azure()
store = aura.azure.AzureBlobInvoiceStore(aura.azure.AzureContainers.fromSettings(azure), azure.prefix())
history = aura.store.history.InvoiceHistory.of(store, engine.invoiceWriters().values())
for filed in history.fileAll(run, aura.store.history.RevisionRequest.NONE):
    print(filed.summary())
