package io.aurabilling.invoice.json;

/**
 * A minimal JSON emitter with the layout of the invoice contract: keys in the order
 * written, two-space indentation, {@code "key": value}, empty arrays and objects as
 * {@code []} and {@code {}}, no trailing spaces. Written by hand so that the bytes are
 * fixed by this code alone, not by a library's pretty-printer defaults.
 */
final class JsonText {
    private final StringBuilder out = new StringBuilder(4096);
    private int depth;
    /** Whether the current container already has a member (a comma is due). */
    private boolean[] hasMember = new boolean[16];

    JsonText beginObject() {
        return open('{');
    }

    JsonText endObject() {
        return close('}');
    }

    JsonText beginArray() {
        return open('[');
    }

    JsonText endArray() {
        return close(']');
    }

    /** Starts a member of an object: {@code "name": } on a new line. */
    JsonText name(String name) {
        member();
        string(name);
        out.append(": ");
        pendingValue = true;
        return this;
    }

    JsonText value(String text) {
        if (text == null) {
            return raw("null");
        }
        prefix();
        string(text);
        return this;
    }

    JsonText value(long number) {
        return raw(Long.toString(number));
    }

    JsonText nullValue() {
        return raw("null");
    }

    JsonText value(Long number) {
        return number == null ? nullValue() : value(number.longValue());
    }

    private boolean pendingValue;

    private JsonText raw(String token) {
        prefix();
        out.append(token);
        return this;
    }

    private void prefix() {
        if (pendingValue) {
            pendingValue = false;
        } else if (depth > 0) {
            member();
        }
    }

    private void member() {
        if (hasMember[depth]) {
            out.append(',');
        }
        hasMember[depth] = true;
        out.append('\n');
        indent();
    }

    private JsonText open(char c) {
        prefix();
        out.append(c);
        depth++;
        if (depth == hasMember.length) {
            hasMember = java.util.Arrays.copyOf(hasMember, depth * 2);
        }
        hasMember[depth] = false;
        return this;
    }

    private JsonText close(char c) {
        boolean any = hasMember[depth];
        depth--;
        if (any) {
            out.append('\n');
            indent();
        }
        out.append(c);
        return this;
    }

    private void indent() {
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** @return the document with its final newline */
    String finish() {
        if (depth != 0) {
            throw new IllegalStateException("unbalanced JSON document");
        }
        return out.append('\n').toString();
    }
}
