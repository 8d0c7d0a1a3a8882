package io.aurabilling.config;

import io.aurabilling.ConfigurationException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * One node of a configuration tree (a mapping, a sequence, a scalar or null), as read
 * from {@code billing.yaml} or built in code. Scalars keep their text exactly as
 * written, so that prices are read as exact decimals and never pass through
 * {@code double}.
 *
 * <p>Every node knows its path ({@code obs.BRA.pricing[0].rates[1].price}) and where it
 * was written ({@code billing.yaml:12:7}), so that {@link #error(String)} produces the
 * message the configuration contract promises: file, line, column, key and what was
 * expected. Instances are immutable.
 */
public final class ConfigNode {

    /** What a node holds. */
    public enum Kind {
        /** Keys (in file order) to nodes. */
        MAPPING,
        /** An ordered list of nodes. */
        SEQUENCE,
        /** A single value, kept as its text. */
        SCALAR,
        /** An explicit or implied empty value. */
        NULL
    }

    private final Kind kind;
    private final String path;
    private final String source;
    private final int line;
    private final int column;
    private final String text;
    private final Map<String, ConfigNode> entries;
    private final List<ConfigNode> elements;
    // of a mapping read from a file: where each key itself was written (errors about a key point at it)
    private final Map<String, Position> keyPositions;

    /**
     * Where something was written in a configuration file.
     *
     * @param line 1-based line
     * @param column 1-based column
     */
    public record Position(int line, int column) {
    }

    private ConfigNode(Kind kind, String path, String source, int line, int column,
                       String text, Map<String, ConfigNode> entries, List<ConfigNode> elements) {
        this(kind, path, source, line, column, text, entries, elements, Map.of());
    }

    private ConfigNode(Kind kind, String path, String source, int line, int column, String text,
                       Map<String, ConfigNode> entries, List<ConfigNode> elements, Map<String, Position> keyPositions) {
        this.kind = requireNonNull(kind, "kind is null");
        this.path = requireNonNull(path, "path is null");
        this.source = requireNonNull(source, "source is null");
        this.line = line;
        this.column = column;
        this.text = text;
        this.entries = entries;
        this.elements = elements;
        this.keyPositions = keyPositions;
    }

    /**
     * A scalar node.
     *
     * @param path the dotted path of the node
     * @param source file name or other origin, e.g. {@code billing.yaml}
     * @param line 1-based line, or 0 when unknown
     * @param column 1-based column, or 0 when unknown
     * @param text the value exactly as written
     * @return the node
     */
    public static ConfigNode scalar(String path, String source, int line, int column, String text) {
        return new ConfigNode(Kind.SCALAR, path, source, line, column, requireNonNull(text, "text is null"), Map.of(), List.of());
    }

    /**
     * A null node (a key written without a value, or {@code null}).
     *
     * @param path the dotted path of the node
     * @param source file name or other origin
     * @param line 1-based line, or 0 when unknown
     * @param column 1-based column, or 0 when unknown
     * @return the node
     */
    public static ConfigNode nullNode(String path, String source, int line, int column) {
        return new ConfigNode(Kind.NULL, path, source, line, column, null, Map.of(), List.of());
    }

    /**
     * A mapping node; key order is kept.
     *
     * @param path the dotted path of the node
     * @param source file name or other origin
     * @param line 1-based line, or 0 when unknown
     * @param column 1-based column, or 0 when unknown
     * @param entries keys to child nodes, in order
     * @return the node
     */
    public static ConfigNode mapping(String path, String source, int line, int column, Map<String, ConfigNode> entries) {
        return new ConfigNode(Kind.MAPPING, path, source, line, column, null,
                Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(entries, "entries is null"))), List.of());
    }

    /**
     * A mapping node that also knows where each of its keys was written, so that an error about a
     * key (e.g. an unknown one, see {@link #allowOnly}) points at the key rather than at its value.
     *
     * @param path the dotted path of the node
     * @param source file name or other origin
     * @param line 1-based line, or 0 when unknown
     * @param column 1-based column, or 0 when unknown
     * @param entries keys to child nodes, in order
     * @param keyPositions where each key was written (keys missing here are located at their value)
     * @return the node
     */
    public static ConfigNode mapping(String path, String source, int line, int column, Map<String, ConfigNode> entries,
                                     Map<String, Position> keyPositions) {
        return new ConfigNode(Kind.MAPPING, path, source, line, column, null,
                Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(entries, "entries is null"))), List.of(),
                Map.copyOf(requireNonNull(keyPositions, "keyPositions is null")));
    }

    /**
     * A sequence node.
     *
     * @param path the dotted path of the node
     * @param source file name or other origin
     * @param line 1-based line, or 0 when unknown
     * @param column 1-based column, or 0 when unknown
     * @param elements the child nodes, in order
     * @return the node
     */
    public static ConfigNode sequence(String path, String source, int line, int column, List<ConfigNode> elements) {
        return new ConfigNode(Kind.SEQUENCE, path, source, line, column, null, Map.of(), List.copyOf(elements));
    }

    /**
     * Builds a tree from plain Java values, for configuration written in code (a
     * notebook registering a model). Maps become mappings (keys via {@code toString()}),
     * lists sequences, {@code null} a null node, and anything else a scalar of its
     * {@code toString()}: pass prices as {@link BigDecimal} or {@link String}, never as
     * {@code double}.
     *
     * @param value a Map, List, String, BigDecimal, Long, Integer, Boolean or null
     * @param source a name for messages, e.g. {@code "notebook"}
     * @return the tree
     * @throws IllegalArgumentException for a {@code Double} or {@code Float}, which cannot be exact
     */
    public static ConfigNode fromValue(Object value, String source) {
        return fromValue(value, "", source);
    }

    private static ConfigNode fromValue(Object value, String path, String source) {
        if (value == null) {
            return nullNode(path, source, 0, 0);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, ConfigNode> entries = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                entries.put(key, fromValue(e.getValue(), child(path, key), source));
            }
            return mapping(path, source, 0, 0, entries);
        }
        if (value instanceof List<?> list) {
            List<ConfigNode> elements = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                elements.add(fromValue(list.get(i), path + "[" + i + "]", source));
            }
            return sequence(path, source, 0, 0, elements);
        }
        if (value instanceof Double || value instanceof Float) {
            throw new IllegalArgumentException(path + ": " + value.getClass().getSimpleName()
                    + " cannot hold an exact amount; pass a BigDecimal or a String");
        }
        if (value instanceof BigDecimal decimal) {
            return scalar(path, source, 0, 0, decimal.toPlainString());
        }
        return scalar(path, source, 0, 0, value.toString());
    }

    /**
     * The path of a child key below a parent path.
     *
     * @param parent the parent's path (may be empty)
     * @param key the child key
     * @return {@code parent.key}, or {@code key} at the root
     */
    public static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /** @return what this node holds */
    public Kind kind() {
        return kind;
    }

    /** @return the dotted path, e.g. {@code obs.BRA.pricing[0].model}; empty for the root */
    public String path() {
        return path;
    }

    /** @return where the node was written: {@code file:line:column}, or just the source when unknown */
    public String location() {
        return line > 0 ? source + ":" + line + ":" + column : source;
    }

    /** @return the file name or origin of the node */
    public String source() {
        return source;
    }

    /** @return 1-based line, 0 when unknown */
    public int line() {
        return line;
    }

    /** @return 1-based column, 0 when unknown */
    public int column() {
        return column;
    }

    /** @return whether this node is a mapping */
    public boolean isMapping() {
        return kind == Kind.MAPPING;
    }

    /** @return whether this node is a sequence */
    public boolean isSequence() {
        return kind == Kind.SEQUENCE;
    }

    /** @return whether this node is a scalar */
    public boolean isScalar() {
        return kind == Kind.SCALAR;
    }

    /** @return whether this node is null */
    public boolean isNull() {
        return kind == Kind.NULL;
    }

    /**
     * A configuration error located at this node.
     *
     * @param what what is wrong and what was expected
     * @return an exception whose message reads {@code file:line:column: path: what}
     */
    public ConfigurationException error(String what) {
        String where = path.isEmpty() ? location() : location() + ": " + path;
        return new ConfigurationException(where + ": " + what);
    }

    /**
     * The keys of a mapping, in file order.
     *
     * @return the keys
     * @throws ConfigurationException when this node is not a mapping
     */
    public Set<String> keys() {
        return expectMapping().entries.keySet();
    }

    /**
     * The entries of a mapping, in file order.
     *
     * @return keys to nodes
     * @throws ConfigurationException when this node is not a mapping
     */
    public Map<String, ConfigNode> entries() {
        return expectMapping().entries;
    }

    /**
     * A child of a mapping; a key written with no value counts as absent.
     *
     * @param key the key
     * @return the child, or empty when the key is absent or null
     * @throws ConfigurationException when this node is not a mapping
     */
    public Optional<ConfigNode> get(String key) {
        ConfigNode node = expectMapping().entries.get(key);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
    }

    /**
     * A required child of a mapping.
     *
     * @param key the key
     * @param expected what the key should hold, for the message
     * @return the child
     * @throws ConfigurationException when missing, naming the key and what was expected
     */
    public ConfigNode required(String key, String expected) {
        return get(key).orElseThrow(() -> {
            String where = child(path, key);
            return new ConfigurationException(location() + ": " + where + ": missing; expected " + expected);
        });
    }

    /**
     * Rejects keys other than the allowed ones, as the configuration contract requires.
     *
     * @param allowed the keys this mapping may hold
     * @return this node
     * @throws ConfigurationException naming the first unknown key, where it is and the allowed keys
     */
    public ConfigNode allowOnly(String... allowed) {
        Set<String> ok = Set.of(allowed);
        for (Map.Entry<String, ConfigNode> e : expectMapping().entries.entrySet()) {
            if (!ok.contains(e.getKey())) {
                Position key = keyPositions.get(e.getKey());
                ConfigNode at = key == null ? e.getValue()
                        : scalar(e.getValue().path(), source, key.line(), key.column(), "");
                throw at.error("unknown key '" + e.getKey() + "'; expected one of "
                        + String.join(", ", new TreeSet<>(Arrays.asList(allowed))));
            }
        }
        return this;
    }

    /**
     * The elements of a sequence.
     *
     * @return the elements
     * @throws ConfigurationException when this node is not a sequence
     */
    public List<ConfigNode> elements() {
        if (kind != Kind.SEQUENCE) {
            throw error("expected a list, found " + describe());
        }
        return elements;
    }

    /**
     * The text of a scalar, exactly as written.
     *
     * @return the text
     * @throws ConfigurationException when this node is not a scalar
     */
    public String asText() {
        if (kind != Kind.SCALAR) {
            throw error("expected a value, found " + describe());
        }
        return text;
    }

    /**
     * A scalar read as an exact decimal (never through {@code double}).
     *
     * @return the decimal, with the scale it was written with ({@code 1.0e-3} is 0.0010; a
     *         whole number written with a positive exponent, {@code 2e3}, is 2000; YAML 1.1's digit
     *         separators are allowed, {@code 1_000} is 1000)
     * @throws ConfigurationException when the text is not a decimal number (plain or with an exponent)
     */
    public BigDecimal asDecimal() {
        String t = asText().trim();
        if (t.isEmpty() || !t.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+'
                || c == 'e' || c == 'E' || c == '_')) {
            throw error("expected a decimal number such as 0.0010, found '" + t + "'");
        }
        try {
            BigDecimal value = new BigDecimal(t.replace("_", ""));
            // YAML numbers in exponent form are exact too; never keep a negative scale (2E+3)
            return value.scale() < 0 ? value.setScale(0) : value;
        } catch (NumberFormatException | ArithmeticException e) {
            throw error("expected a decimal number such as 0.0010, found '" + t + "'");
        }
    }

    /**
     * A scalar read as a whole number.
     *
     * @return the number
     * @throws ConfigurationException when the text is not a whole number
     */
    public long asLong() {
        BigDecimal d = asDecimal();
        try {
            return d.longValueExact();
        } catch (ArithmeticException e) {
            throw error("expected a whole number, found '" + asText().trim() + "'");
        }
    }

    private ConfigNode expectMapping() {
        if (kind != Kind.MAPPING) {
            throw error("expected a mapping of keys to values, found " + describe());
        }
        return this;
    }

    private String describe() {
        return switch (kind) {
            case MAPPING -> "a mapping";
            case SEQUENCE -> "a list";
            case SCALAR -> "the value '" + text + "'";
            case NULL -> "nothing";
        };
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ConfigNode other)) {
            return false;
        }
        return kind == other.kind && Objects.equals(text, other.text)
                && entries.equals(other.entries) && elements.equals(other.elements);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, text, entries, elements);
    }

    /** Shows the structure and location, never scalar values (they may be secrets). */
    @Override
    public String toString() {
        return "ConfigNode[" + kind + " " + (path.isEmpty() ? "<root>" : path) + " at " + location() + "]";
    }
}
