package io.linea.cc.ticket;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
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
import org.apache.tika.parser.image.ImageParser;
import org.apache.tika.parser.image.JpegParser;
import org.apache.tika.parser.image.WebPParser;
import org.apache.tika.parser.mail.RFC822Parser;
import org.apache.tika.parser.microsoft.OfficeParser;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.odf.OpenDocumentParser;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.parser.txt.TXTParser;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.linea.cc.shared.UploadedFiles;
import io.linea.platform.problem.LineaProblemException;

/**
 * Checks a file before it is attached to a ticket (HD-01) and reads its text for search, refusing what is not
 * safe to keep: only an allow-list of types, detected from the content alone, which must agree with the file
 * name's extension and the declared type (an executable called {@code invoice.pdf} is refused); a size limit;
 * DOCX, XLSX and ODT unpacked once with a bound before any parser sees them (ZIP bombs); every file parsed by
 * the one parser of its detected type, without embedded documents, on a small pool with a time limit, and a
 * file that does not parse is refused. The text kept for search is bounded; the rest is not indexed.
 */
@Component
class AttachmentFiles implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AttachmentFiles.class);

    /** The types a ticket accepts, with their extensions and the declared types that agree with them. */
    enum Kind {
        PDF("application/pdf", List.of(".pdf"), List.of()),
        PNG("image/png", List.of(".png"), List.of()),
        JPEG("image/jpeg", List.of(".jpg", ".jpeg"), List.of("image/jpg", "image/pjpeg")),
        GIF("image/gif", List.of(".gif"), List.of()),
        WEBP("image/webp", List.of(".webp"), List.of()),
        TEXT("text/plain", List.of(".txt", ".log"), List.of()),
        // Tika tells CSV from text by name only: the content must be plain text, named .csv
        CSV("text/csv", List.of(".csv"), List.of("text/plain", "application/csv", "application/vnd.ms-excel")),
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of(".docx"), List.of()),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of(".xlsx"), List.of()),
        ODT("application/vnd.oasis.opendocument.text", List.of(".odt"), List.of()),
        EML("message/rfc822", List.of(".eml"), List.of()),
        MSG("application/vnd.ms-outlook", List.of(".msg"), List.of());

        private final String mediaType;
        private final List<String> extensions;
        private final List<String> aliases;

        Kind(String mediaType, List<String> extensions, List<String> aliases) {
            this.mediaType = mediaType;
            this.extensions = extensions;
            this.aliases = aliases;
        }

        String mediaType() {
            return mediaType;
        }

        boolean archive() {
            return this == DOCX || this == XLSX || this == ODT;
        }

        /** The kind the content is, named by a detected type; CSV only through {@link #TEXT} and its name. */
        static Optional<Kind> detected(MediaType type) {
            String base = type.getBaseType().toString();
            return Arrays.stream(values()).filter(k -> k != CSV && k.mediaType.equals(base)).findFirst();
        }

        static Optional<Kind> ofFileName(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(k -> k.extensions.stream().anyMatch(lower::endsWith)).findFirst();
        }

        boolean agreesWith(String declared) {
            if (declared == null || declared.isBlank()) {
                return true;
            }
            String base = declared.toLowerCase(Locale.ROOT).split(";")[0].strip();
            return base.equals("application/octet-stream") || base.equals(mediaType) || aliases.contains(base);
        }
    }

    /** A file that passed every check: its clean name, detected type, size, digest and text for search. */
    record Checked(String fileName, String contentType, long size, String sha256, String text, Kind kind) {
    }

    private final TicketSettings settings;
    private final ThreadPoolExecutor pool;

    AttachmentFiles(TicketSettings settings) {
        this.settings = settings;
        int threads = Math.max(1, settings.attachmentParseThreads());
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads * 2), work -> {
                    Thread thread = new Thread(work, "ticket-attachment");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    long maxBytes() {
        return settings.attachmentMaxSize().toBytes();
    }

    /** Checks and reads {@code content}; a refusal is a problem detail and nothing has been stored. */
    Checked check(String originalName, String declaredType, byte[] content) {
        if (content.length == 0) {
            throw refused(HttpStatus.BAD_REQUEST, "ticket.attachment.empty");
        }
        if (content.length > maxBytes()) {
            throw refused(HttpStatus.CONTENT_TOO_LARGE, "ticket.attachment.too-large",
                    settings.attachmentMaxSize().toMegabytes());
        }
        String fileName = cleanName(originalName);
        Kind named = Kind.ofFileName(fileName)
                .orElseThrow(() -> refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "ticket.attachment.type-not-allowed"));
        MediaType detected = UploadedFiles.detect(content)
                .orElseThrow(() -> refused(HttpStatus.UNPROCESSABLE_CONTENT, "ticket.attachment.unreadable"));
        Kind kind = Kind.detected(detected).map(k -> k == Kind.TEXT && named == Kind.CSV ? Kind.CSV : k)
                .orElseThrow(() -> {
                    log.warn("Attachment refused: named {} but the content is {}", named, detected);
                    return refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "ticket.attachment.type-not-allowed");
                });
        if (kind != named || !kind.agreesWith(declaredType)) {
            log.warn("Attachment refused: named {} and declared {}, but the content is {}", named, declaredType,
                    detected);
            throw refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "ticket.attachment.type-mismatch");
        }
        if (kind.archive()) {
            switch (UploadedFiles.unpack(content, settings.attachmentMaxUnpacked().toBytes(), 10_000)) {
                case BOUNDED -> {
                }
                case TOO_LARGE -> {
                    log.warn("Attachment refused: a {} unpacks to more than {}", kind,
                            settings.attachmentMaxUnpacked());
                    throw refused(HttpStatus.UNPROCESSABLE_CONTENT, "ticket.attachment.zip-bomb");
                }
                case UNREADABLE -> throw refused(HttpStatus.UNPROCESSABLE_CONTENT, "ticket.attachment.unreadable");
            }
        }
        String text = parse(kind, content);
        return new Checked(fileName, kind.mediaType(), content.length, sha256(content), text, kind);
    }

    /**
     * The name without any path a browser sent along ({@code C:\fakepath\…}), without control characters,
     * at most 255 characters with its extension kept.
     */
    static String cleanName(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw refused(HttpStatus.BAD_REQUEST, "ticket.attachment.name-invalid");
        }
        if (name.length() > 255) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, 255 - extension.length()) + extension;
        }
        return name;
    }

    private String parse(Kind kind, byte[] content) {
        Future<String> work;
        try {
            Map<String, String> logContext = MDC.getCopyOfContextMap();
            work = pool.submit(() -> {
                // the pool's threads log with the tenant of the request they work for
                MDC.setContextMap(logContext == null ? Map.of() : logContext);
                try {
                    return parseNow(kind, content);
                } finally {
                    MDC.clear();
                }
            });
        } catch (RejectedExecutionException e) {
            throw refused(HttpStatus.SERVICE_UNAVAILABLE, "ticket.attachment.busy");
        }
        try {
            return work.get(settings.attachmentParseTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            work.cancel(true);
            log.warn("Attachment refused: reading a {} took longer than {}", kind, settings.attachmentParseTimeout());
            throw refused(HttpStatus.UNPROCESSABLE_CONTENT, "ticket.attachment.timeout");
        } catch (InterruptedException e) {
            work.cancel(true);
            Thread.currentThread().interrupt();
            throw refused(HttpStatus.SERVICE_UNAVAILABLE, "ticket.attachment.busy");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LineaProblemException problem) {
                throw problem;
            }
            log.warn("Attachment refused: the {} cannot be read: {}", kind, e.getCause().toString());
            throw refused(HttpStatus.UNPROCESSABLE_CONTENT, "ticket.attachment.unreadable");
        }
    }

    /**
     * Runs the one parser of the detected type. Images are parsed too, for their structure only: a file that
     * claims to be a PNG and is not one is refused like a broken PDF. No parser is put in the parse context,
     * so embedded documents (a PDF inside a DOCX, a mail's attachments) are not parsed.
     */
    private String parseNow(Kind kind, byte[] content) {
        if (kind == Kind.TEXT || kind == Kind.CSV) {
            // valid UTF-8 is taken as such: guessing a charset from a few accented letters often goes wrong
            try {
                return searchable(kind, new Metadata(), StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString());
            } catch (CharacterCodingException notUtf8) {
                // another charset: Tika's text parser detects it
            }
        }
        Parser parser = switch (kind) {
            case PDF -> new PDFParser();
            case PNG, GIF -> new ImageParser();
            case JPEG -> new JpegParser();
            case WEBP -> new WebPParser();
            case TEXT, CSV -> new TXTParser();
            case DOCX, XLSX -> new OOXMLParser();
            case ODT -> new OpenDocumentParser();
            case EML -> new RFC822Parser();
            case MSG -> new OfficeParser();
        };
        Metadata metadata = new Metadata();
        metadata.set(Metadata.CONTENT_TYPE, kind == Kind.CSV ? Kind.TEXT.mediaType() : kind.mediaType());
        WriteOutContentHandler text = new WriteOutContentHandler(Math.max(1, settings.attachmentMaxChars()));
        try (TikaInputStream in = TikaInputStream.get(content)) {
            parser.parse(in, new BodyContentHandler(text), metadata, new ParseContext());
        } catch (Exception | StackOverflowError e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                // more text than is indexed: the file is fine, the rest of its text is not searchable
                return searchable(kind, metadata, text.toString());
            }
            if (e instanceof EncryptedDocumentException || e.getCause() instanceof EncryptedDocumentException) {
                throw refused(HttpStatus.UNPROCESSABLE_CONTENT, "ticket.attachment.encrypted");
            }
            log.warn("Attachment refused: the {} cannot be read: {}", kind, e.toString());
            throw refused(HttpStatus.UNPROCESSABLE_CONTENT, "ticket.attachment.unreadable");
        }
        return searchable(kind, metadata, text.toString());
    }

    /** The text to index: none for images (their metadata is no content), the subject first for a mail. */
    private String searchable(Kind kind, Metadata metadata, String body) {
        if (kind == Kind.PNG || kind == Kind.JPEG || kind == Kind.GIF || kind == Kind.WEBP) {
            return "";
        }
        String title = kind == Kind.EML || kind == Kind.MSG ? metadata.get(TikaCoreProperties.TITLE) : null;
        String all = (title == null ? "" : title + "\n") + body;
        // PostgreSQL text cannot hold NUL
        all = all.replace('\u0000', ' ').replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll("\\n{3,}", "\n\n").strip();
        return all.length() > settings.attachmentMaxChars() ? all.substring(0, settings.attachmentMaxChars()) : all;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static LineaProblemException refused(HttpStatus status, String code, Object... args) {
        return new LineaProblemException(status, code, args);
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
