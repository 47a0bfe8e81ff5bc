package novalab.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import java.util.Map;

/** Renders the jte templates precompiled into the jar by jte-maven-plugin (HTML output escaping on). */
final class JteRenderer implements FileRenderer {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    @Override
    public String render(String path, Map<String, ?> model, Context ctx) {
        StringOutput out = new StringOutput();
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) model;
        engine.render(path, params, out);
        return out.toString();
    }
}
