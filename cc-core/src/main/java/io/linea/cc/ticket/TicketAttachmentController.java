package io.linea.cc.ticket;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.security.LineaPrincipal;
import io.linea.platform.security.Permissions;
import io.linea.platform.security.RequiresPermission;

/** {@code /api/cc/tickets/{id}/attachments}: files attached to a ticket (HD-01). */
@RestController
@RequestMapping("/api/cc/tickets/{id}/attachments")
class TicketAttachmentController {

    private final TicketAttachmentManagement management;

    TicketAttachmentController(TicketAttachmentManagement management) {
        this.management = management;
    }

    /**
     * Multipart {@code file}, optionally {@code commentId}. The ticket is looked up first: an id of another
     * tenant answers 404 whatever the body is; then a missing or broken upload is a 400 problem.
     */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permissions.TICKETS_HANDLE)
    TicketAttachmentView upload(@PathVariable UUID id, @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) UUID commentId, HttpServletRequest request) {
        management.requireTicket(id);
        if (file == null) {
            if (org.springframework.web.util.WebUtils.getNativeRequest(request,
                    MultipartHttpServletRequest.class) == null) {
                throw LineaProblemException.badRequest("request.multipart-invalid");
            }
            throw LineaProblemException.badRequest("request.missing-part", "file");
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return management.attach(id, commentId, file.getOriginalFilename(), file.getContentType(), content, actor());
    }

    @GetMapping
    @RequiresPermission(Permissions.TICKETS_HANDLE)
    List<TicketAttachmentView> list(@PathVariable UUID id) {
        return management.list(id);
    }

    /**
     * The bytes as stored, always as a download: the detected type, never rendered by the browser
     * ({@code nosniff}, {@code attachment}), the name in RFC 6266 form with an ASCII fallback.
     */
    @GetMapping("/{attachmentId}")
    @RequiresPermission(Permissions.TICKETS_HANDLE)
    ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable UUID attachmentId) {
        TicketAttachmentManagement.Download download = management.download(id, attachmentId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(download.contentType()))
                .contentLength(download.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(download.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(download.content());
    }

    @DeleteMapping("/{attachmentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permissions.TICKETS_HANDLE)
    void delete(@PathVariable UUID id, @PathVariable UUID attachmentId) {
        management.delete(id, attachmentId, actor());
    }

    /** {@code attachment; filename="ascii"; filename*=UTF-8''percent-encoded} (RFC 6266, RFC 8187). */
    static String contentDisposition(String fileName) {
        StringBuilder ascii = new StringBuilder();
        StringBuilder encoded = new StringBuilder();
        for (char c : fileName.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? c : '_');
        }
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    private static Actor actor() {
        return LineaPrincipal.current().map(me -> new Actor(me.personId(), me.displayName())).orElse(null);
    }
}
