package io.linea.cc.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import io.linea.cc.Api;
import io.linea.platform.testing.LineaIntegrationTest;

/**
 * HD-01 ticket attachments over real HTTP with real files made here (PDFBox, ImageIO): stored encrypted in the
 * tenant's blob store, listed, downloaded byte for byte, searchable by their text (CRM-03), and the refusals:
 * an executable named {@code .pdf}, a ZIP bomb DOCX, a malformed PDF, an oversize file, a type that disagrees
 * with its name. Every refusal is a problem detail and leaves neither a row nor a blob. Another tenant can
 * neither list, nor download, nor delete.
 */
@LineaIntegrationTest
class TicketAttachmentIntegrationTests {

    @LocalServerPort
    int port;

    @Value("${linea.blobs.dir}")
    Path blobDir;

    private Api a;
    private UUID ticket;

    @BeforeEach
    void ticketOfANewTenant() {
        a = Api.adminOfNewTenant(port);
        Api.Response created = a.post("/api/cc/tickets", Map.of("subject", "Printer jams", "description",
                "The receipt printer stops after two receipts."));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        ticket = created.id();
    }

    static byte[] pdf(String text) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(text);
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(Color.ORANGE);
        graphics.fillRect(0, 0, 40, 20);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A DOCX whose document part is 200 MB of one letter, compressed to a few hundred KB. */
    static byte[] zipBombDocx() throws IOException {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("""
                    <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("_rels/.rels"));
            zip.write("""
                    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1024 * 1024];
            Arrays.fill(chunk, (byte) 'a');
            for (int i = 0; i < 200; i++) {
                zip.write(chunk);
            }
            zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
        }
        return bomb.toByteArray();
    }

    private Api.Response attach(Api api, UUID ticketId, String fileName, String contentType, byte[] content) {
        return api.upload("/api/cc/tickets/" + ticketId + "/attachments", fileName, contentType, content, Map.of());
    }

    private List<JsonNode> attachments(Api api, UUID ticketId) {
        Api.Response list = api.get("/api/cc/tickets/" + ticketId + "/attachments");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        list.json().forEach(items::add);
        return items;
    }

    /** Blobs of the tenant's attachments on disk (encrypted files, finished or half-written). */
    private long blobs(UUID tenant) throws IOException {
        Path dir = blobDir.resolve(TicketAttachmentManagement.BLOB_KIND).resolve(tenant.toString());
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    private List<UUID> found(String q) {
        Api.Response list = a.get("/api/cc/tickets?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<UUID> ids = new ArrayList<>();
        list.json().path("items").forEach(t -> ids.add(UUID.fromString(t.path("id").asString())));
        return ids;
    }

    private void refused(Api.Response response, int status, String code) throws IOException {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.json().path("detail").asString()).isNotBlank();
        assertThat(attachments(a, ticket)).as("attachments left behind").isEmpty();
        assertThat(blobs(a.tenant())).as("blobs left behind").isZero();
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    @Test
    void aPdfAndAPngAreStoredEncryptedListedDownloadedByteForByteAndThePdfIsSearchable() throws Exception {
        byte[] pdf = pdf("Error code Zephyrquartz appears after the second receipt.");
        byte[] png = png();
        Api.Response comment = a.post("/api/cc/tickets/" + ticket + "/comments", Map.of("text", "Photo attached"));
        Api.Response storedPdf = attach(a, ticket, "Fehlerbericht März.pdf", "application/pdf", pdf);
        assertThat(storedPdf.status()).as(storedPdf.toString()).isEqualTo(201);
        Api.Response storedPng = a.upload("/api/cc/tickets/" + ticket + "/attachments", "C:\\fakepath\\printer.png",
                "image/png", png, Map.of("commentId", comment.id().toString()));
        assertThat(storedPng.status()).as(storedPng.toString()).isEqualTo(201);

        List<JsonNode> listed = attachments(a, ticket);
        assertThat(listed).extracting(n -> n.path("fileName").asString()).containsExactly("Fehlerbericht März.pdf",
                "printer.png");
        JsonNode first = listed.getFirst();
        assertThat(first.path("contentType").asString()).isEqualTo("application/pdf");
        assertThat(first.path("size").asLong()).isEqualTo(pdf.length);
        assertThat(first.path("sha256").asString()).isEqualTo(sha256(pdf));
        assertThat(first.path("uploadedBy").asString()).isNotBlank();
        assertThat(first.path("uploadedAt").asString()).isNotBlank();
        assertThat(first.path("commentId").isNull()).isTrue();
        assertThat(listed.get(1).path("contentType").asString()).isEqualTo("image/png");
        assertThat(listed.get(1).path("commentId").asString()).isEqualTo(comment.id().toString());

        HttpResponse<byte[]> download = a.download("/api/cc/tickets/" + ticket + "/attachments/" + storedPdf.id());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;").contains("filename*=UTF-8''Fehlerbericht%20M%C3%A4rz.pdf");
        HttpResponse<byte[]> image = a.download("/api/cc/tickets/" + ticket + "/attachments/" + storedPng.id());
        assertThat(image.body()).isEqualTo(png);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");

        // at rest the bytes are encrypted with the tenant's key: the PDF's text is nowhere in the blob
        assertThat(blobs(a.tenant())).isEqualTo(2);
        try (Stream<Path> files = Files.list(blobDir.resolve(TicketAttachmentManagement.BLOB_KIND)
                .resolve(a.tenant().toString()))) {
            for (Path file : files.toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain("%PDF")
                        .doesNotContain("PNG");
            }
        }

        // CRM-03: a word inside the PDF finds the ticket, in any case and as a prefix
        assertThat(found("zephyrquartz")).containsExactly(ticket);
        assertThat(found("ZEPHYR")).containsExactly(ticket);
        assertThat(found("fehlerbericht")).as("the file name is searchable too").containsExactly(ticket);
        assertThat(eventTypes()).contains("ATTACHED");

        Api.Response deleted = a.delete("/api/cc/tickets/" + ticket + "/attachments/" + storedPdf.id());
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(attachments(a, ticket)).hasSize(1);
        assertThat(blobs(a.tenant())).isEqualTo(1);
        assertThat(found("zephyrquartz")).as("the deleted file's text leaves the search").isEmpty();
        assertThat(a.get("/api/cc/tickets/" + ticket + "/attachments/" + storedPdf.id()).code())
                .isEqualTo("resource.not-found");
        assertThat(eventTypes()).contains("ATTACHMENT_DELETED");
    }

    private List<String> eventTypes() {
        List<String> types = new ArrayList<>();
        a.get("/api/cc/tickets/" + ticket + "/events").json().forEach(e -> types.add(e.path("type").asString()));
        return types;
    }

    @Test
    void anExecutableDisguisedAsAPdfIsRefused() throws Exception {
        byte[] windows = Arrays.copyOf(new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF,
                (byte) 0xFF }, 4096);
        System.arraycopy("This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII), 0, windows,
                78, 39);
        windows[0x3C] = (byte) 0x80;
        System.arraycopy(new byte[] { 'P', 'E', 0, 0, 0x4C, 0x01 }, 0, windows, 0x80, 6);
        refused(attach(a, ticket, "invoice.pdf", "application/pdf", windows), 415,
                "ticket.attachment.type-not-allowed");

        byte[] elf = Arrays.copyOf(new byte[] { 0x7F, 'E', 'L', 'F', 2, 1, 1, 0 }, 4096);
        elf[16] = 2;
        elf[18] = 0x3E;
        refused(attach(a, ticket, "invoice.pdf", "application/pdf", elf), 415, "ticket.attachment.type-not-allowed");
        refused(attach(a, ticket, "setup.exe", "application/octet-stream", windows), 415,
                "ticket.attachment.type-not-allowed");
    }

    @Test
    void aTypeThatDisagreesWithTheNameOrTheDeclaredTypeIsRefused() throws Exception {
        byte[] pdf = pdf("Text");
        refused(attach(a, ticket, "photo.png", "image/png", pdf), 415, "ticket.attachment.type-mismatch");
        refused(attach(a, ticket, "report.pdf", "text/html", pdf), 415, "ticket.attachment.type-mismatch");
        refused(attach(a, ticket, "page.txt", "text/plain",
                "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8)),
                415, "ticket.attachment.type-not-allowed");
    }

    @Test
    void aZipBombDocxIsRefused() throws Exception {
        byte[] bomb = zipBombDocx();
        assertThat(bomb.length).isLessThan(2 * 1024 * 1024);
        refused(attach(a, ticket, "bomb.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", bomb), 422,
                "ticket.attachment.zip-bomb");
    }

    @Test
    void malformedEmptyAndOversizeFilesAreRefused() throws Exception {
        refused(attach(a, ticket, "broken.pdf", "application/pdf",
                "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nthis is not a PDF at all\n%%EOF".getBytes(
                        StandardCharsets.US_ASCII)), 422, "ticket.attachment.unreadable");
        refused(attach(a, ticket, "truncated.pdf", "application/pdf", Arrays.copyOf(pdf("Some text"), 300)), 422,
                "ticket.attachment.unreadable");
        byte[] brokenPng = Arrays.copyOf(png(), 40);
        refused(attach(a, ticket, "broken.png", "image/png", brokenPng), 422, "ticket.attachment.unreadable");
        refused(attach(a, ticket, "empty.txt", "text/plain", new byte[0]), 400, "ticket.attachment.empty");

        // just over the 10 MB limit: the help desk's own refusal, with the limit in the message
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) 'x');
        Api.Response tooLarge = attach(a, ticket, "big.txt", "text/plain", big);
        refused(tooLarge, 413, "ticket.attachment.too-large");
        assertThat(tooLarge.json().path("detail").asString()).contains("10 MB");
    }

    @Test
    void textCsvAndOfficeFilesAreAcceptedAndSearchable() throws Exception {
        Api.Response csv = attach(a, ticket, "stores.csv", "application/vnd.ms-excel",
                "store;city\nKiosk 14;Bălți\n".getBytes(StandardCharsets.UTF_8));
        assertThat(csv.status()).as(csv.toString()).isEqualTo(201);
        assertThat(csv.json().path("contentType").asString()).isEqualTo("text/csv");
        Api.Response text = attach(a, ticket, "notes.txt", "text/plain", "Serial number QX-7781".getBytes(StandardCharsets.UTF_8));
        assertThat(text.status()).as(text.toString()).isEqualTo(201);
        assertThat(found("balti")).as("accents folded").containsExactly(ticket);
        assertThat(found("QX-7781")).containsExactly(ticket);
        assertThat(found("serial kiosk")).as("words of two attachments together").containsExactly(ticket);

        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument()) {
            document.createParagraph().createRun().setText("Warranty voucher Platypus");
            document.write(docx);
        }
        Api.Response word = attach(a, ticket, "voucher.docx", "application/octet-stream", docx.toByteArray());
        assertThat(word.status()).as(word.toString()).isEqualTo(201);
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            workbook.createSheet("Stock").createRow(0).createCell(0).setCellValue("Axolotl cartridges");
            workbook.write(xlsx);
        }
        Api.Response sheet = attach(a, ticket, "stock.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.toByteArray());
        assertThat(sheet.status()).as(sheet.toString()).isEqualTo(201);
        assertThat(found("platypus axolotl")).containsExactly(ticket);
        assertThat(attachments(a, ticket)).extracting(n -> n.path("contentType").asString()).containsExactly(
                "text/csv", "text/plain", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @Test
    void brokenUploadsAndUnknownCommentsAreProblems() throws Exception {
        refused(a.upload("/api/cc/tickets/" + ticket + "/attachments", null, null, null, Map.of()), 400,
                "request.missing-part");
        Api.Response notMultipart = a.post("/api/cc/tickets/" + ticket + "/attachments", Map.of());
        assertThat(notMultipart.status()).as(notMultipart.toString()).isEqualTo(400);
        assertThat(notMultipart.code()).isEqualTo("request.multipart-invalid");

        UUID other = a.post("/api/cc/tickets", Map.of("subject", "Other")).id();
        UUID commentOfOther = a.post("/api/cc/tickets/" + other + "/comments", Map.of("text", "Elsewhere")).id();
        Api.Response wrongComment = a.upload("/api/cc/tickets/" + ticket + "/attachments", "a.pdf",
                "application/pdf", pdf("x"), Map.of("commentId", commentOfOther.toString()));
        assertThat(wrongComment.status()).isEqualTo(400);
        assertThat(wrongComment.json().path("errors").get(0).path("code").asString())
                .isEqualTo("ticket.attachment.comment-missing");
        assertThat(wrongComment.json().path("errors").get(0).path("field").asString()).isEqualTo("commentId");
        assertThat(attachments(a, ticket)).isEmpty();
        assertThat(blobs(a.tenant())).isZero();

        Api.Response romanian = a.inLanguage("ro").upload("/api/cc/tickets/" + ticket + "/attachments",
                "invoice.docx", "application/pdf", pdf("x"), Map.of());
        assertThat(romanian.code()).isEqualTo("ticket.attachment.type-mismatch");
        assertThat(romanian.json().path("detail").asString()).contains("Conținutul");
    }

    @Test
    void anotherTenantCannotListDownloadOrDeleteAttachments() throws Exception {
        Api b = Api.adminOfNewTenant(port);
        byte[] secret = pdf("Secret of A");
        UUID attachment = attach(a, ticket, "secret.pdf", "application/pdf", secret).id();
        UUID ticketOfB = b.post("/api/cc/tickets", Map.of("subject", "Mine")).id();
        String mine = "/api/cc/tickets/" + ticket + "/attachments";

        assertThat(b.get(mine).code()).isEqualTo("resource.not-found");
        assertThat(b.get(mine + "/" + attachment).code()).isEqualTo("resource.not-found");
        assertThat(b.delete(mine + "/" + attachment).code()).isEqualTo("resource.not-found");
        assertThat(attach(b, ticket, "x.pdf", "application/pdf", pdf("x")).code()).isEqualTo("resource.not-found");
        // A's attachment id under B's own ticket is no better
        String underB = "/api/cc/tickets/" + ticketOfB + "/attachments/" + attachment;
        assertThat(b.get(underB).code()).isEqualTo("resource.not-found");
        assertThat(b.delete(underB).code()).isEqualTo("resource.not-found");
        assertThat(b.get("/api/cc/tickets?q=secret").json().path("total").asInt()).isZero();

        assertThat(attachments(a, ticket)).hasSize(1);
        assertThat(a.download(mine + "/" + attachment).body()).isEqualTo(secret);
        assertThat(blobs(a.tenant())).isEqualTo(1);
        assertThat(blobs(b.tenant())).isZero();
    }

    @Test
    void aClosedTicketTakesNoAttachments() throws Exception {
        JsonNode current = a.get("/api/cc/tickets/" + ticket).json();
        assertThat(a.put("/api/cc/tickets/" + ticket, Map.of("subject", "Printer jams", "status", "CLOSED",
                "priority", "NORMAL", "version", current.path("version").asLong())).status()).isEqualTo(200);
        Api.Response closed = attach(a, ticket, "late.pdf", "application/pdf", pdf("Too late"));
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.code()).isEqualTo("ticket.closed");
        assertThat(blobs(a.tenant())).isZero();
    }
}
