package io.linea.cc.kb;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.html.JSoupParser;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.TeeContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

import io.linea.cc.shared.UploadedFiles;
import io.linea.platform.problem.LineaProblemException;

/**
 * Text and title out of an uploaded PDF, DOCX or HTML file through Apache Tika (HD-03), refusing what is
 * not safe to parse: the type is detected from the content alone and must agree with the file name and
 * declared type (an executable called {@code manual.pdf} is refused), the size is bounded, a DOCX is
 * unpacked once with a bound before any parser sees it (ZIP bombs), and the parse runs on a small pool
 * with a time limit and a limit on extracted characters. Only the parser of the detected type runs, and
 * embedded documents are not parsed: no parser is put in the parse context.
 */
@Component
class DocumentImport implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DocumentImport.class);

    enum Kind {
        PDF("application/pdf", ".pdf"),
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
        HTML("text/html", ".html", ".htm");

        private final String mediaType;
        private final String[] extensions;

        Kind(String mediaType, String... extensions) {
            this.mediaType = mediaType;
            this.extensions = extensions;
        }

        static Optional<Kind> ofMediaType(String type) {
            String base = type.toLowerCase(Locale.ROOT).split(";")[0].strip();
            if (base.equals("application/xhtml+xml")) {
                return Optional.of(HTML);
            }
            return Arrays.stream(values()).filter(k -> k.mediaType.equals(base)).findFirst();
        }

        static Optional<Kind> ofFileName(String name) {
            String lower = name == null ? "" : name.toLowerCase(Locale.ROOT).strip();
            return Arrays.stream(values()).filter(k -> Arrays.stream(k.extensions).anyMatch(lower::endsWith))
                    .findFirst();
        }
    }

    /** What a document gave: its title and its text, as safe Markdown. */
    record Extracted(String title, String body, Kind kind) {
    }

    private final KbSettings settings;
    private final ThreadPoolExecutor pool;

    DocumentImport(KbSettings settings) {
        this.settings = settings;
        int threads = Math.max(1, settings.importThreads());
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(threads * 2),
                work -> {
                    Thread thread = new Thread(work, "kb-import");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    long maxBytes() {
        return settings.importMaxSize().toBytes();
    }

    Extracted extract(String fileName, String declaredType, byte[] content) {
        if (content.length == 0) {
            throw refused(HttpStatus.BAD_REQUEST, "kb.import.empty");
        }
        if (content.length > maxBytes()) {
            throw refused(HttpStatus.CONTENT_TOO_LARGE, "kb.import.too-large", settings.importMaxSize().toMegabytes());
        }
        Kind named = Kind.ofFileName(fileName)
                .orElseThrow(() -> refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "kb.import.unsupported-type"));
        MediaType detected = detect(content);
        Kind kind = Kind.ofMediaType(detected.getBaseType().toString())
                .orElseThrow(() -> {
                    log.warn("Import refused: {} has content of type {}", named, detected);
                    return refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "kb.import.unsupported-type");
                });
        boolean declaredAgrees = declaredType == null || declaredType.isBlank()
                || declaredType.toLowerCase(Locale.ROOT).startsWith("application/octet-stream")
                || Kind.ofMediaType(declaredType).filter(k -> k == kind).isPresent();
        if (kind != named || !declaredAgrees) {
            log.warn("Import refused: named {} and declared {}, but the content is {}", named, declaredType, detected);
            throw refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "kb.import.type-mismatch");
        }
        if (kind == Kind.DOCX) {
            requireBoundedZip(content);
        }
        return parse(kind, content, fileName);
    }

    /** The type from the bytes only: no file name or declared type goes into the detection. */
    private MediaType detect(byte[] content) {
        return UploadedFiles.detect(content)
                .orElseThrow(() -> refused(HttpStatus.UNPROCESSABLE_CONTENT, "kb.import.unreadable"));
    }

    /** A DOCX is a ZIP, and a small one can unpack to gigabytes: unpacked once with a bound first. */
    private void requireBoundedZip(byte[] content) {
        long limit = settings.importMaxUnpacked().toBytes();
        switch (UploadedFiles.unpack(content, limit, 10_000)) {
            case BOUNDED -> {
            }
            case TOO_LARGE -> {
                log.warn("Import refused: a DOCX unpacks to more than {} bytes or entries", limit);
                throw refused(HttpStatus.UNPROCESSABLE_CONTENT, "kb.import.zip-bomb");
            }
            case UNREADABLE -> throw refused(HttpStatus.UNPROCESSABLE_CONTENT, "kb.import.unreadable");
        }
    }

    private Extracted parse(Kind kind, byte[] content, String fileName) {
        Future<Extracted> work;
        try {
            Map<String, String> logContext = MDC.getCopyOfContextMap();
            work = pool.submit(() -> {
                // the pool's threads log with the tenant of the request they work for
                MDC.setContextMap(logContext == null ? Map.of() : logContext);
                try {
                    return parseNow(kind, content, fileName);
                } finally {
                    MDC.clear();
                }
            });
        } catch (RejectedExecutionException e) {
            throw refused(HttpStatus.SERVICE_UNAVAILABLE, "kb.import.busy");
        }
        try {
            return work.get(settings.importTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            work.cancel(true);
            log.warn("Import refused: parsing a {} took longer than {}", kind, settings.importTimeout());
            throw refused(HttpStatus.UNPROCESSABLE_CONTENT, "kb.import.timeout");
        } catch (InterruptedException e) {
            work.cancel(true);
            Thread.currentThread().interrupt();
            throw refused(HttpStatus.SERVICE_UNAVAILABLE, "kb.import.busy");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LineaProblemException problem) {
                throw problem;
            }
            log.warn("Import refused: the {} cannot be parsed: {}", kind, e.getCause().toString());
            throw refused(HttpStatus.UNPROCESSABLE_CONTENT, "kb.import.unreadable");
        }
    }

    private Extracted parseNow(Kind kind, byte[] content, String fileName) {
        Parser parser = switch (kind) {
            case PDF -> new PDFParser();
            case DOCX -> new OOXMLParser();
            case HTML -> new JSoupParser();
        };
        Metadata metadata = new Metadata();
        WriteOutContentHandler text = new WriteOutContentHandler(settings.importMaxChars());
        FirstHeading heading = new FirstHeading();
        try (TikaInputStream in = TikaInputStream.get(content)) {
            parser.parse(in, new TeeContentHandler(new BodyContentHandler(text), heading), metadata,
                    new ParseContext());
        } catch (Exception | StackOverflowError e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                throw refused(HttpStatus.UNPROCESSABLE_CONTENT, "kb.import.too-much-text", settings.importMaxChars());
            }
            if (e instanceof EncryptedDocumentException || e.getCause() instanceof EncryptedDocumentException) {
                throw refused(HttpStatus.UNPROCESSABLE_CONTENT, "kb.import.encrypted");
            }
            log.warn("Import refused: the {} cannot be parsed: {}", kind, e.toString());
            throw refused(HttpStatus.UNPROCESSABLE_CONTENT, "kb.import.unreadable");
        }
        String body = normalise(text.toString());
        if (body.isEmpty()) {
            throw refused(HttpStatus.UNPROCESSABLE_CONTENT, "kb.import.no-text");
        }
        String title = firstNonBlank(metadata.get(TikaCoreProperties.TITLE), heading.text(), firstLine(body),
                fileName.replaceFirst("\\.[^.]*$", ""));
        String markdown = MarkdownBodies.fromPlainText(body);
        if (markdown.length() > 2_000_000) {
            throw refused(HttpStatus.UNPROCESSABLE_CONTENT, "kb.import.too-much-text", settings.importMaxChars());
        }
        title = title.replaceAll("\\s+", " ").strip();
        return new Extracted(title.length() > 200 ? title.substring(0, 200) : title, markdown, kind);
    }

    private static String normalise(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[ \\t\\x0B\\f]+\\n", "\n")
                .replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static String firstLine(String body) {
        return body.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(null);
    }

    private static String firstNonBlank(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.strip();
            }
        }
        return "Imported document";
    }

    private static LineaProblemException refused(HttpStatus status, String code, Object... args) {
        return new LineaProblemException(status, code, args);
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }

    /** The text of the first h1 … h6 the parser reports (Word's heading styles come out as headings too). */
    private static final class FirstHeading extends DefaultHandler {

        private final StringBuilder text = new StringBuilder();
        private int depth;
        private boolean done;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (!done && localName.matches("h[1-6]")) {
                depth++;
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (depth > 0 && localName.matches("h[1-6]")) {
                depth--;
                done = depth == 0 && !text.toString().isBlank();
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (depth > 0 && !done && text.length() < 1000) {
                text.append(ch, start, length);
            }
        }

        String text() {
            return text.toString();
        }
    }
}
