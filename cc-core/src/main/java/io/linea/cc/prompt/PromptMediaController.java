package io.linea.cc.prompt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.linea.platform.problem.LineaProblemException;

/**
 * {@code GET|HEAD /media/prompts/{id}.wav}, fetched by Asterisk's HTTP media cache (IVR-08). Public: a
 * prompt is a tenant's greeting, its id an unguessable content hash, and Asterisk sends no token.
 * Asterisk picks the format from {@code Content-Type} ({@code audio/wav} is its 8 kHz {@code wav}),
 * keeps the file for {@code max-age} and then revalidates with a HEAD carrying {@code If-None-Match}.
 */
@RestController
@RequestMapping("/media/prompts")
class PromptMediaController {

    static final MediaType AUDIO_WAV = MediaType.parseMediaType("audio/wav");
    static final String CACHE_CONTROL = "public, max-age=86400";

    private static final Logger log = LoggerFactory.getLogger(PromptMediaController.class);

    private final EspeakPrompts prompts;

    PromptMediaController(EspeakPrompts prompts) {
        this.prompts = prompts;
    }

    @GetMapping("/{name}")
    ResponseEntity<byte[]> prompt(@PathVariable String name) {
        if (!name.endsWith(".wav")) {
            throw LineaProblemException.notFound("prompt");
        }
        String id = name.substring(0, name.length() - ".wav".length());
        Path file = prompts.file(id).orElseThrow(() -> LineaProblemException.notFound("prompt"));
        byte[] audio;
        try {
            // Prompts are a few hundred KB at most; reading them whole avoids serving a file that the
            // cache cleaner deletes half-way through.
            audio = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw LineaProblemException.notFound("prompt");
        } catch (IOException e) {
            log.error("Prompt {} unreadable: {}", id, e.getMessage());
            throw new PromptSynthesisException("Prompt " + id + " unreadable: " + e.getMessage());
        }
        return ResponseEntity.ok().contentType(AUDIO_WAV).contentLength(audio.length).eTag(etag(audio))
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).body(audio);
    }

    /** Of the bytes, not the id: the same text sounds different after an espeak-ng upgrade. */
    private static String etag(byte[] audio) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(audio);
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
