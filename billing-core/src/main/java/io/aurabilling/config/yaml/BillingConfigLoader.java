package io.aurabilling.config.yaml;

import io.aurabilling.ConfigurationException;
import io.aurabilling.config.ConfigNode;
import io.aurabilling.config.Secret;
import io.aurabilling.invoice.Issuer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Reads {@code billing.yaml} as the configuration contract ({@code config.md}) says:
 * every key is checked, defaults are applied, {@code ${env:NAME}} references are
 * replaced by environment variables, and every error names the file, line, column,
 * key path and what was expected, e.g.
 * {@code billing.yaml:14:19: obs.BRA.timezone: unknown time zone 'Mars/Olympus'; expected an IANA zone id such as Europe/Madrid}.
 *
 * <p>The YAML is composed (not constructed) with SnakeYAML, so scalars keep the text
 * they were written with: a price {@code 0.0010} stays {@code 0.0010} and never passes
 * through {@code double}. Keys inside a pricing version other than {@code from} and
 * {@code model} belong to the pricing model and are left to its factory, which gets the
 * whole version as {@link PricingVersion#node()}.
 *
 * <p>Secrets ({@code kernel.client-secret}, {@code store.azure.connection-string},
 * {@code store.azure.sas-token}) are wrapped in {@link Secret}, and a value that came
 * from the environment is never quoted in a message.
 */
public final class BillingConfigLoader {

    /** The issuer printed on invoices when the file has no {@code issuer} section. */
    public static final String DEFAULT_ISSUER_NAME = "Aura Global Team";
    /** The invoice number prefix when {@code invoice.prefix} is absent. */
    public static final String DEFAULT_INVOICE_PREFIX = "LIC";
    /** The Kernel cache folder when {@code kernel.cache} is absent. */
    public static final String DEFAULT_KERNEL_CACHE = ".aura-billing/cache";

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{env:([^}]*)}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern OB_CODE = Pattern.compile("[A-Z]{3}");
    private static final Pattern YEAR_MONTH = Pattern.compile("([0-9]{4})-(0[1-9]|1[0-2])");
    private static final Pattern INVOICE_PREFIX = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern KERNEL_ENVIRONMENT = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");
    private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.TIMESTAMP);
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "::1", "[::1]");
    private static final List<String> AZURE_AUTH = List.of("default", "connection-string", "sas");

    private final String source;
    private final Function<String, String> env;
    /** Where each mapping value's key was written, for errors about the key itself. */
    private final Map<ConfigNode, Mark> keyMarks = new IdentityHashMap<>();
    /** Scalars whose text came from {@code ${env:...}}: their raw text, which is what messages may show. */
    private final Map<ConfigNode, String> substituted = new IdentityHashMap<>();

    private BillingConfigLoader(String source, Function<String, String> env) {
        this.source = requireNonNull(source, "source is null");
        this.env = requireNonNull(env, "env is null");
    }

    /**
     * Loads and validates a configuration file, reading {@code ${env:NAME}} from the
     * process environment.
     *
     * @param file the {@code billing.yaml} to read
     * @return the validated configuration
     * @throws ConfigurationException when the file cannot be read or is invalid
     */
    public static BillingConfig load(Path file) {
        return load(file, System::getenv);
    }

    /**
     * Loads and validates a configuration file.
     *
     * @param file the {@code billing.yaml} to read
     * @param env environment variables by name ({@code null} when unset)
     * @return the validated configuration; its {@code source} is the file name and its
     *         {@code sha256} is the hash of the file's bytes
     * @throws ConfigurationException when the file cannot be read or is invalid
     */
    public static BillingConfig load(Path file, Function<String, String> env) {
        requireNonNull(file, "file is null");
        requireNonNull(env, "env is null");
        Path name = file.getFileName();
        String sourceName = name != null ? name.toString() : file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigurationException(sourceName + ": configuration file not found at " + file.toAbsolutePath()
                    + "; check the path given with --config", e);
        } catch (AccessDeniedException e) {
            throw new ConfigurationException(sourceName + ": configuration file " + file.toAbsolutePath()
                    + " cannot be read (permission denied); give the billing job read access to it", e);
        } catch (IOException e) {
            throw new ConfigurationException(sourceName + ": configuration file " + file.toAbsolutePath()
                    + " cannot be read (" + e.getClass().getSimpleName() + "); check that it is a readable file", e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigurationException(sourceName + ": configuration file " + file.toAbsolutePath()
                    + " is not valid UTF-8 text; save it with UTF-8 encoding", e);
        }
        return new BillingConfigLoader(sourceName, env).read(text, sha256(bytes));
    }

    /**
     * Validates configuration text (a file already read, or one written in a test or
     * notebook).
     *
     * @param yamlText the YAML text
     * @param sourceName the name used in messages and in {@link BillingConfig#source()}, e.g. {@code billing.yaml}
     * @param env environment variables by name ({@code null} when unset)
     * @return the validated configuration; its {@code sha256} is the hash of the text's UTF-8 bytes
     * @throws ConfigurationException when the text is invalid
     */
    public static BillingConfig parse(String yamlText, String sourceName, Function<String, String> env) {
        requireNonNull(yamlText, "yamlText is null");
        return new BillingConfigLoader(sourceName, env).read(yamlText, sha256(yamlText.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Reads YAML text into a located {@link ConfigNode} tree, with {@code ${env:NAME}}
     * replaced, without checking it against the {@code billing.yaml} schema. For tools
     * and pricing-model tests that need the tree of a fragment.
     *
     * @param yamlText the YAML text
     * @param sourceName the name used in node locations, e.g. {@code billing.yaml}
     * @param env environment variables by name ({@code null} when unset)
     * @return the root node (a null node for an empty document)
     * @throws ConfigurationException on a YAML syntax error, a duplicate key, an anchor or a missing variable
     */
    public static ConfigNode readTree(String yamlText, String sourceName, Function<String, String> env) {
        requireNonNull(yamlText, "yamlText is null");
        BillingConfigLoader loader = new BillingConfigLoader(sourceName, env);
        Node root = loader.compose(yamlText);
        return root == null ? ConfigNode.nullNode("", sourceName, 0, 0) : loader.tree(root, "");
    }

    // ---------------------------------------------------------------- YAML to ConfigNode

    private BillingConfig read(String text, String sha256) {
        Node root = compose(text);
        if (root == null) {
            throw new ConfigurationException(source + ": the configuration is empty; expected a mapping with at least "
                    + "an 'obs' section (see config.md)");
        }
        return config(tree(root, ""), sha256);
    }

    private Node compose(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        // the SafeConstructor is never asked to build objects: compose() only gives the node graph
        Yaml yaml = new Yaml(new SafeConstructor(options));
        // a byte order mark is not content
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try {
            return yaml.compose(new StringReader(body));
        } catch (MarkedYAMLException e) {
            throw syntaxError(e);
        } catch (YAMLException e) {
            throw new ConfigurationException(source + ": not valid YAML (" + e.getMessage()
                    + "); fix the file as described in config.md", e);
        }
    }

    /** The parser's own message would quote the offending line, which may hold a secret: keep only the problem and marks. */
    private ConfigurationException syntaxError(MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        StringBuilder what = new StringBuilder();
        what.append(mark != null ? at(mark) : source).append(": YAML syntax error: ");
        if (e.getContext() != null) {
            what.append(e.getContext());
            if (e.getContextMark() != null && e.getContextMark() != mark) {
                what.append(" (line ").append(e.getContextMark().getLine() + 1)
                        .append(", column ").append(e.getContextMark().getColumn() + 1).append(')');
            }
            what.append(", ");
        }
        what.append(e.getProblem() != null ? e.getProblem() : "unreadable YAML");
        what.append("; expected valid YAML: check indentation, colons and quotes around values with ': ' or '#'");
        return new ConfigurationException(what.toString(), e);
    }

    private String at(Mark mark) {
        return source + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
    }

    private ConfigurationException errorAt(Mark mark, String path, String what) {
        return ConfigNode.scalar(path, source, mark.getLine() + 1, mark.getColumn() + 1, "").error(what);
    }

    private ConfigNode tree(Node node, String path) {
        Mark start = node.getStartMark();
        int line = start.getLine() + 1;
        int column = start.getColumn() + 1;
        if (node.getAnchor() != null) {
            throw errorAt(start, path, "anchor '&" + node.getAnchor() + "' found; expected every value written out "
                    + "(anchors and aliases are not supported)");
        }
        if (node instanceof ScalarNode scalar) {
            if (Tag.NULL.equals(scalar.getTag())) {
                return ConfigNode.nullNode(path, source, line, column);
            }
            checkTag(node, path);
            String raw = scalar.getValue();
            String text = substitute(raw, path, start);
            ConfigNode result = ConfigNode.scalar(path, source, line, column, text);
            if (raw.contains("${env:")) {
                substituted.put(result, raw);
            }
            return result;
        }
        if (node instanceof SequenceNode sequence) {
            if (!Tag.SEQ.equals(sequence.getTag())) {
                throw unsupportedTag(node, path);
            }
            List<ConfigNode> elements = new ArrayList<>();
            List<Node> values = sequence.getValue();
            for (int i = 0; i < values.size(); i++) {
                elements.add(tree(values.get(i), path + "[" + i + "]"));
            }
            return ConfigNode.sequence(path, source, line, column, elements);
        }
        if (node instanceof MappingNode mapping) {
            if (!Tag.MAP.equals(mapping.getTag())) {
                throw unsupportedTag(node, path);
            }
            Map<String, ConfigNode> entries = new LinkedHashMap<>();
            Map<String, ConfigNode.Position> keyPositions = new HashMap<>();
            Map<String, Mark> seen = new HashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (keyNode.getAnchor() != null) {
                    throw errorAt(keyNode.getStartMark(), path, "anchor '&" + keyNode.getAnchor()
                            + "' found; expected plain keys (anchors and aliases are not supported)");
                }
                if (!(keyNode instanceof ScalarNode keyScalar)) {
                    throw errorAt(keyNode.getStartMark(), path, "a list or mapping used as a key; expected a plain key");
                }
                if (Tag.MERGE.equals(keyNode.getTag())) {
                    throw errorAt(keyNode.getStartMark(), ConfigNode.child(path, "<<"), "merge key '<<' found; expected every key written out "
                            + "(merge keys are not supported)");
                }
                String key = keyScalar.getValue();
                String childPath = ConfigNode.child(path, key);
                Mark first = seen.putIfAbsent(key, keyNode.getStartMark());
                if (first != null) {
                    throw errorAt(keyNode.getStartMark(), childPath, "duplicate key '" + key + "' (first written at line "
                            + (first.getLine() + 1) + ", again at line " + (keyNode.getStartMark().getLine() + 1)
                            + "); expected each key once: remove or merge one of them");
                }
                ConfigNode value = tree(tuple.getValueNode(), childPath);
                keyMarks.put(value, keyNode.getStartMark());
                entries.put(key, value);
                keyPositions.put(key, new ConfigNode.Position(keyNode.getStartMark().getLine() + 1,
                        keyNode.getStartMark().getColumn() + 1));
            }
            return ConfigNode.mapping(path, source, line, column, entries, keyPositions);
        }
        throw errorAt(start, path, "unsupported YAML node; expected a value, a list or a mapping");
    }

    private void checkTag(Node node, String path) {
        if (!PLAIN_TAGS.contains(node.getTag())) {
            throw unsupportedTag(node, path);
        }
    }

    private ConfigurationException unsupportedTag(Node node, String path) {
        return errorAt(node.getStartMark(), path, "YAML tag '" + node.getTag().getValue()
                + "' found; expected plain values, lists and mappings without tags");
    }

    /** Replaces every {@code ${env:NAME}}; messages name the variable, never its value. */
    private String substitute(String raw, String path, Mark mark) {
        if (!raw.contains("${env:")) {
            return raw;
        }
        Matcher m = ENV_REFERENCE.matcher(raw);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            String name = m.group(1);
            if (!ENV_NAME.matcher(name).matches()) {
                throw errorAt(mark, path, "'${env:" + name + "}' is not a valid environment reference; expected "
                        + "${env:NAME} where NAME has letters, digits and '_'");
            }
            String value = env.apply(name);
            if (value == null) {
                throw errorAt(mark, path, "environment variable " + name + " is not set; expected it to be set for "
                        + "${env:" + name + "} (export " + name + " before running billing)");
            }
            out.append(raw, last, m.start()).append(value);
            last = m.end();
        }
        if (raw.indexOf("${env:", last) >= 0) {
            throw errorAt(mark, path, "unterminated '${env:' reference; expected ${env:NAME}");
        }
        return out.append(raw, last, raw.length()).toString();
    }

    // ---------------------------------------------------------------- validation

    private BillingConfig config(ConfigNode root, String sha256) {
        if (!root.isMapping()) {
            throw root.error("the configuration is " + describe(root) + "; expected a mapping with the sections "
                    + "issuer, invoice, defaults, obs, kernel, store");
        }
        allowOnly(root, "issuer", "invoice", "defaults", "obs", "kernel", "store");
        Issuer issuer = root.get("issuer").map(this::issuer).orElse(new Issuer(DEFAULT_ISSUER_NAME, null));
        String prefix = root.get("invoice").map(this::invoicePrefix).orElse(DEFAULT_INVOICE_PREFIX);
        Defaults defaults = root.get("defaults").map(this::defaults).orElse(Defaults.STANDARD);
        Map<String, ObSettings> obs = obs(root.required("obs", "a mapping of OB codes (such as BRA) to their settings"),
                defaults);
        KernelSettings kernel = root.get("kernel").map(this::kernel).orElse(null);
        StoreSettings store = root.get("store").map(this::store).orElse(null);
        return new BillingConfig(issuer, prefix, defaults, new TreeMap<>(obs), kernel, store, source, sha256);
    }

    private Issuer issuer(ConfigNode node) {
        mapping(node, "a mapping with name and optional address");
        allowOnly(node, "name", "address");
        String name = nonBlank(node.required("name", "the issuer's name, e.g. Aura Global Team"), "the issuer's name");
        String address = node.get("address").map(a -> nonBlank(a, "the issuer's address")).orElse(null);
        return new Issuer(name, address);
    }

    private String invoicePrefix(ConfigNode node) {
        mapping(node, "a mapping with prefix");
        allowOnly(node, "prefix");
        return node.get("prefix").map(p -> {
            String text = text(p, "an invoice number prefix such as LIC");
            if (!INVOICE_PREFIX.matcher(text).matches()) {
                throw p.error("invalid prefix " + shown(p) + "; expected a non-empty prefix of letters, digits, "
                        + "'-' and '_' such as LIC");
            }
            return text;
        }).orElse(DEFAULT_INVOICE_PREFIX);
    }

    private Defaults defaults(ConfigNode node) {
        mapping(node, "a mapping with currency, timezone, rounding, timestamps-without-offset");
        allowOnly(node, "currency", "timezone", "rounding", "timestamps-without-offset");
        Defaults std = Defaults.STANDARD;
        return new Defaults(
                node.get("currency").map(this::currency).orElse(std.currency()),
                node.get("timezone").map(this::zone).orElse(std.timezone()),
                node.get("rounding").map(this::rounding).orElse(std.rounding()),
                node.get("timestamps-without-offset").map(this::zone).orElse(std.timestampsWithoutOffset()));
    }

    private Currency currency(ConfigNode node) {
        String text = text(node, "an ISO 4217 currency code such as EUR");
        Currency currency = knownCurrency(text);
        if (currency == null) {
            throw node.error("unknown currency " + shown(node) + "; expected an ISO 4217 currency code such as EUR, "
                    + "GBP or BRL");
        }
        if (currency.getDefaultFractionDigits() < 0) {
            // XAU, XXX, XDR…: amounts are rounded to the minor unit, which these codes lack
            throw node.error("currency " + shown(node) + " has no minor unit (a metal, fund or testing code); "
                    + "expected a currency that invoices can be paid in, such as EUR, GBP or BRL");
        }
        return currency;
    }

    /** @return the currency of an ISO 4217 code, or null when the text is not one */
    private static Currency knownCurrency(String text) {
        if (!CURRENCY_CODE.matcher(text).matches()) {
            return null;
        }
        try {
            return Currency.getInstance(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private ZoneId zone(ConfigNode node) {
        String text = text(node, "an IANA zone id such as Europe/Madrid");
        if (!ZoneId.getAvailableZoneIds().contains(text)) {
            throw node.error("unknown time zone " + shown(node) + "; expected an IANA zone id such as Europe/Madrid "
                    + "or UTC");
        }
        return ZoneId.of(text);
    }

    private RoundingMode rounding(ConfigNode node) {
        String text = text(node, "a rounding mode such as HALF_UP");
        RoundingMode mode = null;
        for (RoundingMode candidate : RoundingMode.values()) {
            if (candidate.name().equals(text)) {
                mode = candidate;
            }
        }
        if (mode == RoundingMode.UNNECESSARY) {
            throw node.error("rounding UNNECESSARY cannot round amounts; expected one of " + roundingModes());
        }
        if (mode == null) {
            throw node.error("unknown rounding mode " + shown(node) + "; expected one of " + roundingModes());
        }
        return mode;
    }

    private static String roundingModes() {
        List<String> names = new ArrayList<>();
        for (RoundingMode mode : RoundingMode.values()) {
            if (mode != RoundingMode.UNNECESSARY) {
                names.add(mode.name());
            }
        }
        return String.join(", ", names);
    }

    private Map<String, ObSettings> obs(ConfigNode node, Defaults defaults) {
        mapping(node, "a mapping of OB codes (such as BRA) to their settings");
        if (node.entries().isEmpty()) {
            throw node.error("no OB configured; expected at least one OB code (such as BRA) with its pricing");
        }
        Map<String, ObSettings> result = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigNode> e : node.entries().entrySet()) {
            String code = e.getKey();
            ConfigNode ob = e.getValue();
            if (!OB_CODE.matcher(code).matches()) {
                throw keyError(ob, "invalid OB code '" + code + "'; expected exactly three upper-case letters "
                        + "(ISO 3166-1 alpha-3) such as BRA");
            }
            result.put(code, ob(code, ob, defaults));
        }
        return result;
    }

    private ObSettings ob(String code, ConfigNode node, Defaults defaults) {
        mapping(node, "the OB's settings: a mapping with at least pricing");
        allowOnly(node, "name", "timezone", "currency", "pricing", "adjustments", "unpriced");
        String name = node.get("name").map(n -> nonBlank(n, "the OB's display name")).orElse(code);
        ZoneId zone = node.get("timezone").map(this::zone).orElse(defaults.timezone());
        Currency currency = node.get("currency").map(this::currency).orElse(defaults.currency());
        List<PricingVersion> pricing = pricing(node.required("pricing",
                "a list of pricing versions, each with from (YYYY-MM) and model"));
        Adjustments adjustments = node.get("adjustments").map(this::adjustments).orElse(Adjustments.NONE);
        UnpricedPolicy unpriced = node.get("unpriced").map(this::unpriced).orElse(UnpricedPolicy.ERROR);
        return new ObSettings(code, name, zone, currency, pricing, adjustments, unpriced);
    }

    private List<PricingVersion> pricing(ConfigNode node) {
        if (!node.isSequence()) {
            throw node.error("found " + describe(node) + "; expected a list of pricing versions, each with "
                    + "from (YYYY-MM) and model");
        }
        if (node.elements().isEmpty()) {
            throw node.error("empty list; expected at least one pricing version with from (YYYY-MM) and model");
        }
        List<PricingVersion> versions = new ArrayList<>();
        ConfigNode previousFrom = null;
        YearMonth previous = null;
        for (ConfigNode version : node.elements()) {
            mapping(version, "a pricing version: a mapping with from (YYYY-MM), model and the model's settings");
            ConfigNode fromNode = version.required("from", "the first month of this version as YYYY-MM, e.g. 2026-01");
            YearMonth from = yearMonth(fromNode);
            String model = nonBlank(version.required("model", "a pricing model name such as per-query"),
                    "a pricing model name such as per-query");
            if (previous != null && !from.isAfter(previous)) {
                String relation = from.equals(previous) ? "repeats" : "is before";
                throw fromNode.error("from " + from + " " + relation + " from " + previous + " of "
                        + previousFrom.path() + " (line " + previousFrom.line() + "); expected versions in strictly "
                        + "increasing from order, each starting after the one before");
            }
            versions.add(new PricingVersion(from, model, version));
            previous = from;
            previousFrom = fromNode;
        }
        return versions;
    }

    private YearMonth yearMonth(ConfigNode node) {
        String text = text(node, "a month as YYYY-MM, e.g. 2026-01");
        Matcher m = YEAR_MONTH.matcher(text);
        if (!m.matches()) {
            throw node.error("invalid month " + shown(node) + "; expected YYYY-MM with a 4-digit year and a month "
                    + "01-12, e.g. 2026-01");
        }
        return YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    private Adjustments adjustments(ConfigNode node) {
        mapping(node, "a mapping with discount-percent and/or minimum-amount");
        allowOnly(node, "discount-percent", "minimum-amount");
        BigDecimal discount = node.get("discount-percent").map(d -> {
            BigDecimal value = decimal(d, "a percentage from 0 to 100, e.g. 5");
            if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw d.error("discount " + value.toPlainString() + " is out of range; expected a percentage from 0 "
                        + "to 100, e.g. 5");
            }
            return value;
        }).orElse(null);
        BigDecimal minimum = node.get("minimum-amount").map(d -> {
            BigDecimal value = decimal(d, "an amount of 0 or more, e.g. 1500.00");
            if (value.signum() < 0) {
                throw d.error("minimum " + value.toPlainString() + " is negative; expected an amount of 0 or more, "
                        + "e.g. 1500.00");
            }
            return value;
        }).orElse(null);
        return new Adjustments(discount, minimum);
    }

    private UnpricedPolicy unpriced(ConfigNode node) {
        String text = text(node, "zero or error");
        if (text.equals("zero")) {
            return UnpricedPolicy.ZERO;
        }
        if (text.equals("error")) {
            // the default written out, as the user guide shows it
            return UnpricedPolicy.ERROR;
        }
        throw node.error("unknown policy " + shown(node) + "; expected zero (bill unpriced usage at 0) or error "
                + "(fail on unpriced usage, the default)");
    }

    private KernelSettings kernel(ConfigNode node) {
        mapping(node, "a mapping with environment, client-id and client-secret");
        allowOnly(node, "environment", "auth-url", "api-url", "client-id", "client-secret", "purpose", "cache");
        ConfigNode envNode = node.required("environment", "a Kernel environment such as es-pro");
        String environment = text(envNode, "a Kernel environment such as es-pro");
        if (!KERNEL_ENVIRONMENT.matcher(environment).matches()) {
            throw envNode.error("invalid environment " + shown(envNode) + "; expected a Kernel environment name of "
                    + "letters, digits, '-' and '.' such as es-pro");
        }
        URI authUrl = node.get("auth-url").map(this::kernelUrl)
                .orElse(URI.create("https://auth." + environment + ".baikalplatform.com/token"));
        URI apiUrl = node.get("api-url").map(this::kernelUrl)
                .orElse(URI.create("https://api." + environment + ".baikalplatform.com"));
        String clientId = nonBlank(node.required("client-id", "the application's client id"),
                "the application's client id");
        Secret clientSecret = secret(node.required("client-secret",
                "the application's client secret, e.g. ${env:KERNEL_CLIENT_SECRET}"), "the application's client secret");
        String purpose = node.get("purpose").map(p -> nonBlank(p, "a Kernel purpose")).orElse(null);
        Path cache = node.get("cache").map(this::path).orElse(Path.of(DEFAULT_KERNEL_CACHE));
        return new KernelSettings(environment, authUrl, apiUrl, clientId, clientSecret, purpose, cache);
    }

    /** Kernel URLs carry the client secret and tokens: plain http only to this machine. */
    private URI kernelUrl(ConfigNode node) {
        URI uri = absoluteUrl(node, "an absolute https URL");
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return uri;
        }
        if (scheme.equals("http") && LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            return uri;
        }
        throw node.error("URL uses " + scheme + "; expected an https URL (plain http is allowed only for "
                + "localhost, 127.0.0.1 and ::1)");
    }

    private URI absoluteUrl(ConfigNode node, String expected) {
        String text = text(node, expected).trim();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw node.error("not a valid URL " + shown(node) + "; expected " + expected);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw node.error("not an absolute http(s) URL with a host " + shown(node) + "; expected " + expected);
        }
        return uri;
    }

    private StoreSettings store(ConfigNode node) {
        mapping(node, "a mapping with exactly one of folder or azure");
        allowOnly(node, "folder", "azure");
        Optional<ConfigNode> folder = node.get("folder");
        Optional<ConfigNode> azure = node.get("azure");
        if (folder.isPresent() && azure.isPresent()) {
            throw node.error("both folder and azure are set; expected exactly one of folder or azure");
        }
        if (folder.isEmpty() && azure.isEmpty()) {
            throw node.error("no store set; expected exactly one of folder (a local path) or azure (a container)");
        }
        return folder.map(f -> new StoreSettings(path(f), null))
                .orElseGet(() -> new StoreSettings(null, azure(azure.get())));
    }

    private AzureStoreSettings azure(ConfigNode node) {
        mapping(node, "a mapping with container-url and optional prefix, auth, connection-string, sas-token");
        allowOnly(node, "container-url", "prefix", "auth", "connection-string", "sas-token");
        ConfigNode urlNode = node.required("container-url",
                "the container's URL, e.g. https://<account>.blob.core.windows.net/invoices");
        String containerUrl = absoluteUrl(urlNode,
                "an absolute URL such as https://<account>.blob.core.windows.net/invoices").toString();
        String prefix = node.get("prefix").map(p -> text(p, "a blob name prefix such as liceo/")).orElse("");
        String auth = node.get("auth").map(a -> {
            String text = text(a, "one of " + String.join(", ", AZURE_AUTH));
            if (!AZURE_AUTH.contains(text)) {
                throw a.error("unknown auth " + shown(a) + "; expected one of " + String.join(", ", AZURE_AUTH));
            }
            return text;
        }).orElse("default");
        Secret connectionString = azureSecret(node, auth, "connection-string", "an Azure Storage connection string, "
                + "e.g. ${env:AZURE_STORAGE_CONNECTION_STRING}");
        Secret sasToken = azureSecret(node, auth, "sas-token", "a SAS token, e.g. ${env:AZURE_STORAGE_SAS}");
        return new AzureStoreSettings(containerUrl, prefix, auth, connectionString, sasToken);
    }

    /** {@code connection-string} belongs to auth connection-string, {@code sas-token} to auth sas: required there, refused elsewhere. */
    private Secret azureSecret(ConfigNode azure, String auth, String key, String expected) {
        String needs = key.equals("sas-token") ? "sas" : key;
        Optional<ConfigNode> node = azure.get(key);
        if (auth.equals(needs)) {
            return secret(azure.required(key, expected + " (auth is " + auth + ")"), expected);
        }
        if (node.isPresent()) {
            throw node.get().error("set while auth is " + auth + "; expected auth: " + needs + " to use it, or "
                    + "remove " + key);
        }
        return null;
    }

    private Path path(ConfigNode node) {
        String text = nonBlank(node, "a folder path");
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw node.error("not a valid path " + shown(node) + "; expected a folder path such as invoices");
        }
    }

    // ---------------------------------------------------------------- node reading

    /** A secret's value is never shown: only say what is wrong with it. */
    private Secret secret(ConfigNode node, String expected) {
        if (!node.isScalar()) {
            throw node.error("found " + describe(node) + "; expected " + expected);
        }
        if (node.asText().isBlank()) {
            throw node.error("empty; expected " + expected);
        }
        return Secret.of(node.asText());
    }

    private String text(ConfigNode node, String expected) {
        if (!node.isScalar()) {
            throw node.error("found " + describe(node) + "; expected " + expected);
        }
        return node.asText();
    }

    private String nonBlank(ConfigNode node, String expected) {
        String text = text(node, expected);
        if (text.isBlank()) {
            throw node.error("empty; expected " + expected);
        }
        return text;
    }

    private BigDecimal decimal(ConfigNode node, String expected) {
        text(node, expected);
        try {
            return node.asDecimal();
        } catch (ConfigurationException e) {
            // rethrown so that a value from ${env:...} is not quoted
            throw node.error("not a decimal number " + shown(node) + "; expected " + expected);
        }
    }

    private void mapping(ConfigNode node, String expected) {
        if (node.isNull()) {
            // an empty value sits after the colon: point at the key that needs it
            throw keyError(node, "found nothing; expected " + expected);
        }
        if (!node.isMapping()) {
            throw node.error("found " + describe(node) + "; expected " + expected);
        }
    }

    /** Like {@link ConfigNode#allowOnly}, but points at the unknown key rather than at its value. */
    private void allowOnly(ConfigNode node, String... allowed) {
        List<String> ok = List.of(allowed);
        for (Map.Entry<String, ConfigNode> e : node.entries().entrySet()) {
            if (!ok.contains(e.getKey())) {
                throw keyError(e.getValue(), "unknown key '" + e.getKey() + "'; expected one of "
                        + String.join(", ", ok));
            }
        }
    }

    private ConfigurationException keyError(ConfigNode value, String what) {
        Mark mark = keyMarks.get(value);
        return mark == null ? value.error(what) : errorAt(mark, value.path(), what);
    }

    /** A value for a message: as written in the file, so an {@code ${env:...}} value is never revealed. */
    private String shown(ConfigNode node) {
        String raw = substituted.get(node);
        if (raw != null) {
            return "'" + raw + "' (after substitution)";
        }
        return "'" + node.asText() + "'";
    }

    private String describe(ConfigNode node) {
        return switch (node.kind()) {
            case MAPPING -> "a mapping";
            case SEQUENCE -> "a list";
            case SCALAR -> "the value " + shown(node);
            case NULL -> "nothing";
        };
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
