package io.linea.cc.crm;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import io.linea.platform.problem.LineaProblemException;

/**
 * Reading a client import file (CRM-05): what it is by its content (never by its name alone), whether it
 * is safe and readable, and its rows one at a time (CSV through Commons CSV, Excel through POI's
 * streaming SAX reader, so that neither holds the file in memory). Every refusal is a 400 problem.
 */
final class ClientImportFiles {

    enum Format {
        CSV, XLSX
    }

    /** One row: its line (CSV) or row number (Excel), 1-based as a person sees it, and its values. */
    interface RowHandler {
        void row(long line, List<String> values) throws IOException;
    }

    private static final Pattern COLUMN_LETTERS = Pattern.compile("[A-Za-z]{1,3}");
    private static final int MAX_ZIP_ENTRIES = 1000;
    private static final long RATIO_CHECK_FROM = 1 << 20;

    private ClientImportFiles() {
    }

    static LineaProblemException refused(String code, Object... args) {
        return LineaProblemException.badRequest(code, args);
    }

    /** The format by content; a name that says otherwise is refused as well (an executable renamed .csv). */
    static Format detect(Path file, String fileName, ClientImportSettings settings, Charset charset) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw refused("client-import.empty");
        }
        if (size > settings.maxFileSize().toBytes()) {
            throw refused("client-import.too-large", settings.maxFileSize().toMegabytes());
        }
        byte[] head = new byte[4];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, 4);
        }
        boolean zip = read == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        Format format = zip ? Format.XLSX : Format.CSV;
        boolean nameSaysExcel = name.endsWith(".xlsx");
        boolean nameSaysText = name.endsWith(".csv") || name.endsWith(".txt");
        boolean nameSaysNothing = !name.contains(".");
        if (!nameSaysNothing && !(nameSaysExcel && format == Format.XLSX) && !(nameSaysText && format == Format.CSV)) {
            throw refused("client-import.format");
        }
        if (format == Format.XLSX) {
            checkZip(file, settings);
        } else {
            checkText(file, charset);
        }
        return format;
    }

    static Charset charset(String encoding) {
        if (encoding == null || encoding.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(encoding.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw refused("client-import.encoding-unknown", encoding);
        }
    }

    /** Decodes the whole file strictly: bytes that are no text in the encoding, or control characters, refuse it. */
    private static void checkText(Path file, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // NUL never occurs in text of a single- or multi-byte encoding: an executable or binary file does
        boolean wide = charset.name().startsWith("UTF-16") || charset.name().startsWith("UTF-32");
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        try (InputStream stream = Files.newInputStream(file)) {
            boolean end = false;
            while (!end) {
                int n = stream.read(in.array(), in.position(), in.remaining());
                if (n < 0) {
                    end = true;
                } else {
                    if (!wide) {
                        for (int i = in.position(); i < in.position() + n; i++) {
                            if (in.array()[i] == 0) {
                                throw refused("client-import.format");
                            }
                        }
                    }
                    in.position(in.position() + n);
                }
                in.flip();
                CoderResult result = decoder.decode(in, out, end);
                if (result.isError()) {
                    throw refused("client-import.encoding", charset.name());
                }
                checkControl(out);
                in.compact();
            }
            CoderResult flush = decoder.flush(out);
            if (flush.isError() || in.position() > 0) {
                throw refused("client-import.encoding", charset.name());
            }
            checkControl(out);
        } catch (CharacterCodingException e) {
            throw refused("client-import.encoding", charset.name());
        }
    }

    private static void checkControl(CharBuffer out) {
        out.flip();
        while (out.hasRemaining()) {
            char c = out.get();
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                throw refused("client-import.format");
            }
        }
        out.clear();
    }

    /**
     * An Excel file is a ZIP archive: it must hold a workbook, few entries, and none may unpack beyond
     * the limits (a ZIP bomb is refused before POI ever opens it; POI's own guard is set as well).
     */
    private static void checkZip(Path file, ClientImportSettings settings) throws IOException {
        ZipSecureFile.setMinInflateRatio(settings.minInflateRatio());
        ZipSecureFile.setMaxEntrySize(settings.maxInflatedSize().toBytes());
        long limit = settings.maxInflatedSize().toBytes();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ZIP_ENTRIES) {
                throw refused("client-import.file-unsafe");
            }
            if (zip.getEntry("[Content_Types].xml") == null || zip.getEntry("xl/workbook.xml") == null) {
                throw refused("client-import.format");
            }
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                long inflated = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        inflated += n;
                        total += n;
                        if (inflated > limit || total > 2 * limit) {
                            throw refused("client-import.file-unsafe");
                        }
                        if (inflated > RATIO_CHECK_FROM
                                && (double) Math.max(entry.getCompressedSize(), 1) / inflated < settings.minInflateRatio()) {
                            throw refused("client-import.file-unsafe");
                        }
                    }
                }
            }
        } catch (ZipException e) {
            throw refused("client-import.format");
        }
    }

    /** Column index per target, from the header row or the column letters of the mapping. */
    static Map<String, Integer> resolve(ClientImportMapping mapping, List<String> header) {
        Map<String, Integer> byHeader = new HashMap<>();
        if (header != null) {
            for (int i = 0; i < header.size(); i++) {
                byHeader.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
            }
        }
        Map<String, Integer> targets = new HashMap<>();
        for (Map.Entry<String, String> column : mapping.columns().entrySet()) {
            String key = column.getKey().strip();
            Integer index = byHeader.get(key.toLowerCase(Locale.ROOT));
            if (index == null && COLUMN_LETTERS.matcher(key).matches()) {
                index = CellReference.convertColStringToIndex(key.toUpperCase(Locale.ROOT));
            }
            if (index == null) {
                throw refused("client-import.mapping-column-unknown", key);
            }
            targets.put(column.getValue(), index);
        }
        return targets;
    }

    /** Every row that is not blank, in file order. */
    static void forEachRow(Path file, Format format, ClientImportMapping mapping, Charset charset, int maxColumns,
            RowHandler handler) throws IOException {
        if (format == Format.CSV) {
            csvRows(file, mapping.delimiterChar(), charset, handler);
        } else {
            excelRows(file, maxColumns, handler);
        }
    }

    static CSVFormat csvFormat(char delimiter) {
        return CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
    }

    private static void csvRows(Path file, char delimiter, Charset charset, RowHandler handler) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        if (charset.equals(StandardCharsets.UTF_8)) {
            in.mark(3);
            byte[] bom = in.readNBytes(3);
            if (!(bom.length == 3 && (bom[0] & 0xff) == 0xef && (bom[1] & 0xff) == 0xbb && (bom[2] & 0xff) == 0xbf)) {
                in.reset();
            }
        }
        try (Reader reader = new InputStreamReader(in, charset);
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(csvFormat(delimiter)).get()) {
            // a record starts on the line after the one the previous record ended on (quoted fields may span lines)
            long previousEnd = 0;
            for (CSVRecord record : parser) {
                long line = previousEnd + 1;
                previousEnd = parser.getCurrentLineNumber();
                List<String> values = record.toList();
                if (values.stream().allMatch(String::isBlank)) {
                    continue;
                }
                handler.row(line, values);
            }
        } catch (UncheckedIOException e) {
            throw refused("client-import.malformed", e.getCause() == null ? "" : String.valueOf(e.getCause().getMessage()));
        } catch (IllegalStateException e) {
            throw refused("client-import.malformed", String.valueOf(e.getMessage()));
        }
    }

    /** Carries a handler's exception out of POI's SAX callbacks. */
    private static final class Escape extends RuntimeException {
        Escape(IOException cause) {
            super(cause);
        }
    }

    private static void excelRows(Path file, int maxColumns, RowHandler handler) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            var sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw refused("client-import.empty");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings,
                        new SheetRows(maxColumns, handler), new DataFormatter(Locale.ROOT), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (Escape e) {
            throw (IOException) e.getCause();
        } catch (LineaProblemException e) {
            throw e;
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("Zip bomb")) {
                throw refused("client-import.file-unsafe");
            }
            throw refused("client-import.malformed", String.valueOf(e.getMessage()));
        } catch (Exception e) {
            throw refused("client-import.malformed", String.valueOf(e.getMessage()));
        }
    }

    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final int maxColumns;
        private final RowHandler handler;
        private final List<String> values = new ArrayList<>();

        SheetRows(int maxColumns, RowHandler handler) {
            this.maxColumns = maxColumns;
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            values.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (values.stream().allMatch(v -> v == null || v.isBlank())) {
                return;
            }
            try {
                handler.row(rowNum + 1L, values.stream().map(v -> v == null ? "" : v).toList());
            } catch (IOException e) {
                throw new Escape(e);
            }
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = reference == null ? values.size() : new CellReference(reference).getCol();
            if (column >= maxColumns) {
                // one value past the limit marks the row as too wide; the rest is not kept
                column = maxColumns;
            }
            while (values.size() <= column) {
                values.add(null);
            }
            values.set(column, formattedValue);
        }
    }
}
