package novalab.engine.virt.libvirt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small XML element tree printed as lxml's {@code etree.tostring(pretty_print=True)} prints Nova's
 * config objects: two-space indent, double-quoted attributes in insertion order, {@code <empty/>}.
 */
final class Xml {
    private final String name;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<Xml> children = new ArrayList<>();
    private String text = "";

    private Xml(String name) {
        this.name = name;
    }

    static Xml element(String name) {
        return new Xml(name);
    }

    static Xml element(String name, Object text) {
        Xml e = new Xml(name);
        e.text = String.valueOf(text);
        return e;
    }

    /** Sets an attribute (alternating names and values). */
    Xml attr(String... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) attributes.put(namesAndValues[i], namesAndValues[i + 1]);
        return this;
    }

    Xml add(Xml child) {
        children.add(child);
        return this;
    }

    /** Adds a child and returns the child. */
    Xml child(String name) {
        Xml c = new Xml(name);
        children.add(c);
        return c;
    }

    Xml child(String name, Object text) {
        Xml c = element(name, text);
        children.add(c);
        return c;
    }

    String print() {
        StringBuilder out = new StringBuilder();
        print(out, 0);
        return out.toString();
    }

    private void print(StringBuilder out, int depth) {
        String indent = "  ".repeat(depth);
        out.append(indent).append('<').append(name);
        attributes.forEach((k, v) -> out.append(' ').append(k).append("=\"").append(escape(v, true)).append('"'));
        if (children.isEmpty() && text.isEmpty()) {
            out.append("/>\n");
        } else if (children.isEmpty()) {
            out.append('>').append(escape(text, false)).append("</").append(name).append(">\n");
        } else {
            out.append(">\n");
            for (Xml c : children) c.print(out, depth + 1);
            out.append(indent).append("</").append(name).append(">\n");
        }
    }

    static String escape(String s, boolean attribute) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append(attribute ? "&quot;" : "\"");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
