package io.linea.cc.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

/**
 * The checks every upload that is parsed gets (knowledge-base import HD-03, ticket attachments HD-01): the
 * type is detected from the bytes alone, never from the name or the declared type, and an archive (DOCX,
 * XLSX, ODT are ZIPs) is unpacked once with a bound before any parser sees it.
 */
public final class UploadedFiles {

    /** Tika's default detector: magic bytes, container inspection (OOXML, ODF, OLE2), thread-safe. */
    private static final Detector DETECTOR = TikaConfig.getDefaultConfig().getDetector();

    private UploadedFiles() {
    }

    /** The outcome of unpacking an archive with a bound. */
    public enum Unpacked {
        /** every entry inflated within the bounds */
        BOUNDED,
        /** more data or more entries than allowed: a ZIP bomb, or close enough to one */
        TOO_LARGE,
        /** not a readable ZIP, or an empty one */
        UNREADABLE
    }

    /** The type of {@code content} from its bytes only; empty when Tika cannot read them at all. */
    public static java.util.Optional<MediaType> detect(byte[] content) {
        try (TikaInputStream in = TikaInputStream.get(content)) {
            return java.util.Optional.of(DETECTOR.detect(in, new Metadata()));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Inflates every entry once, counting what comes out rather than trusting the sizes the archive claims,
     * and stops at {@code maxBytes} or {@code maxEntries}: a small ZIP can unpack to gigabytes.
     */
    public static Unpacked unpack(byte[] content, long maxBytes, int maxEntries) {
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > maxEntries) {
                    return Unpacked.TOO_LARGE;
                }
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    total += n;
                    if (total > maxBytes) {
                        return Unpacked.TOO_LARGE;
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return Unpacked.UNREADABLE;
        }
        return entries == 0 ? Unpacked.UNREADABLE : Unpacked.BOUNDED;
    }
}
