package io.linea.cc.kb;

import java.util.regex.Pattern;

import io.linea.cc.shared.InvalidInput;

/**
 * Article bodies are Markdown without raw HTML (HD-03): an HTML tag outside code, or a link to a
 * {@code javascript:}, {@code vbscript:} or {@code data:} address, is refused, so no script is ever stored
 * and clients can render bodies with raw HTML switched off. Code spans and fenced blocks may show HTML.
 */
final class MarkdownBodies {

    private static final Pattern FENCED = Pattern.compile("(?ms)^\\s*(```|~~~).*?^\\s*\\1");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)[^`]*?\\1");
    /**
     * An element or closing tag (a letter right after the bracket, as HTML wants: "a < b" is prose), a
     * comment, a processing instruction or CDATA, as an HTML parser would read them.
     */
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9:-]*(\\s[^>]*)?/?>|<!--|<\\?|<!\\[CDATA\\[");
    /** A link destination, reference definition or autolink whose scheme runs code. */
    private static final Pattern SCRIPT_URL = Pattern.compile(
            "(?im)(\\]\\(\\s*<?|^\\s*\\[[^\\]]+\\]:\\s*<?|<)\\s*(javascript|vbscript|data)\\s*:");

    private MarkdownBodies() {
    }

    static String require(String field, String body) {
        String prose = CODE_SPAN.matcher(FENCED.matcher(body).replaceAll("")).replaceAll("");
        if (TAG.matcher(prose).find()) {
            throw InvalidInput.field(field, "kb.article.html-not-allowed");
        }
        if (SCRIPT_URL.matcher(prose).find()) {
            throw InvalidInput.field(field, "kb.article.script-link");
        }
        return body;
    }

    /**
     * Extracted document text made safe as Markdown: angle brackets become entities, so none reads as a
     * tag, and square brackets are escaped, so none starts a link.
     */
    static String fromPlainText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("[", "\\[")
                .replace("](", "]\\(");
    }
}
