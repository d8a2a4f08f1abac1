package org.ibex.screens;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import java.util.Map;

/** Renders the precompiled jte templates (compiled with the jar, so a node never compiles at run time). */
public final class Render {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    public String html(String template, Map<String, Object> params) {
        StringOutput output = new StringOutput(8192);
        engine.render(template, params, output);
        return output.toString();
    }
}
