package novalab.web.lesson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Lesson Markdown to HTML with commonmark (GFM tables on, raw HTML escaped). A fenced block marked
 * {@code sh}, {@code bash}, {@code console} or {@code shell} gets a "Run in my terminal" button carrying its
 * commands; other blocks ({@code text}, {@code ini}, …) are shown only.
 */
public final class Markdown {
    static final Set<String> RUNNABLE = Set.of("sh", "bash", "console", "shell");
    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .nodeRendererFactory(RunnableCodeBlock::new).build();

    public String render(String markdown) {
        return renderer.render(parser.parse(markdown));
    }

    /** The commands of each runnable block, one line each, as the terminal's button sends them. */
    List<List<String>> runnableBlocks(String markdown) {
        List<List<String>> out = new java.util.ArrayList<>();
        parser.parse(markdown).accept(new org.commonmark.node.AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                String info = block.getInfo() == null ? "" : block.getInfo().strip().split("\\s+")[0];
                if (RUNNABLE.contains(info)) {
                    out.add(block.getLiteral().lines().map(String::stripTrailing)
                            .filter(l -> !l.isBlank() && !l.strip().startsWith("#")).toList());
                }
            }
        });
        return out;
    }

    /** Renders runnable fenced code blocks with their button; hands every other block back to the default renderer. */
    private static final class RunnableCodeBlock implements NodeRenderer {
        private final HtmlWriter html;

        RunnableCodeBlock(HtmlNodeRendererContext context) {
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(FencedCodeBlock.class);
        }

        @Override
        public void render(Node node) {
            FencedCodeBlock block = (FencedCodeBlock) node;
            String info = block.getInfo() == null ? "" : block.getInfo().strip().split("\\s+")[0];
            String code = block.getLiteral();
            boolean runnable = RUNNABLE.contains(info);
            html.line();
            if (runnable) html.tag("div", Map.of("class", "codeblock"));
            html.tag("pre");
            Map<String, String> codeAttrs = new LinkedHashMap<>();
            if (!info.isEmpty()) codeAttrs.put("class", "language-" + info);
            html.tag("code", codeAttrs);
            html.text(code);
            html.tag("/code");
            html.tag("/pre");
            if (runnable) {
                Map<String, String> attrs = new LinkedHashMap<>();
                attrs.put("type", "button");
                attrs.put("class", "run");
                attrs.put("data-cmd", code);
                html.tag("button", attrs);
                html.text("▶ Run in my terminal");
                html.tag("/button");
                html.tag("/div");
            }
            html.line();
        }
    }
}
