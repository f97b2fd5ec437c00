package io.linea.cc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** Multipart uploads of client import files (CRM-05), as a browser or a tenant's system sends them. */
public final class ImportUploads {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ImportUploads() {
    }

    /** A small import of {@code rows} CSV lines under header {@code id,last,phone}, mapped by header. */
    public static final String MAPPING = "{\"columns\":{\"id\":\"externalId\",\"last\":\"lastName\",\"phone\":\"phone\"}}";

    /** POST to {@code path} as {@code api} (its token and tenant header), or with {@code headers} instead. */
    public static Api.Response upload(Api api, String path, String fileName, byte[] content, Map<String, String> fields,
            Map<String, String> headers) {
        String boundary = "linea-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> field : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                        + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            if (content != null) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(content);
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                    .timeout(Duration.ofMinutes(2))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
            if (headers == null) {
                if (api.token() != null) {
                    request.header("Authorization", "Bearer " + api.token());
                }
                if (api.tenant() != null) {
                    request.header("X-Tenant-Id", api.tenant().toString());
                }
                if (api.language() != null) {
                    request.header("Accept-Language", api.language());
                }
            } else {
                headers.forEach(request::header);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Api.Response upload(Api api, String fileName, byte[] content, String mapping) {
        return upload(api, "/api/cc/clients/imports", fileName, content, Map.of("mapping", mapping), null);
    }

    public static Api.Response upload(Api api, String fileName, Path file, String mapping) throws IOException {
        return upload(api, fileName, Files.readAllBytes(file), mapping);
    }

    /** Polls the job until it is DONE or FAILED (at most {@code timeout}). */
    public static Api.Response finished(Api api, String jobPath, Duration timeout) {
        long until = System.nanoTime() + timeout.toNanos();
        while (true) {
            Api.Response job = api.get(jobPath);
            String status = job.json().path("status").asString();
            if ("DONE".equals(status) || "FAILED".equals(status) || job.status() != 200) {
                return job;
            }
            if (System.nanoTime() > until) {
                throw new IllegalStateException("import not finished: " + job);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A finished small import of tenant {@code api} with one rejected row (line 3: no external id); its job id. */
    public static UUID smallImport(Api api) {
        String csv = "id,last,phone\nX-" + UUID.randomUUID().toString().substring(0, 8) + ",Smith,+447700900111\n,NoId,\n";
        Api.Response started = upload(api, "small.csv", csv.getBytes(StandardCharsets.UTF_8), MAPPING);
        if (started.status() != 202) {
            throw new IllegalStateException("import not accepted: " + started);
        }
        Api.Response done = finished(api, "/api/cc/clients/imports/" + started.id(), Duration.ofSeconds(30));
        if (!"DONE".equals(done.json().path("status").asString())) {
            throw new IllegalStateException("import not done: " + done);
        }
        return started.id();
    }
}
