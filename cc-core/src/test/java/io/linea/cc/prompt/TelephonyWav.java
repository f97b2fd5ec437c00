package io.linea.cc.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Test-side reading of a prompt WAV through the JDK's own parser (independent of {@link WavFormat}), plus
 * the RIFF bookkeeping Asterisk's {@code format_wav} relies on.
 */
record TelephonyWav(double seconds) {

    static TelephonyWav of(Path file) throws IOException {
        return of(Files.readAllBytes(file));
    }

    /** Fails unless the bytes are RIFF/WAVE, 8000 Hz, mono, 16-bit signed little-endian PCM with some audio. */
    static TelephonyWav of(byte[] bytes) throws IOException {
        assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(new String(bytes, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WAVE");
        long riffSize = Integer.toUnsignedLong(ByteBuffer.wrap(bytes, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
        assertThat(riffSize).as("RIFF size field").isEqualTo(bytes.length - 8L);
        AudioFileFormat file;
        try {
            file = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(bytes));
        } catch (UnsupportedAudioFileException e) {
            throw new AssertionError("not a WAV the JDK understands", e);
        }
        AudioFormat format = file.getFormat();
        assertThat(file.getType()).isEqualTo(AudioFileFormat.Type.WAVE);
        assertThat(format.getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
        assertThat(format.getSampleRate()).isEqualTo(8000f);
        assertThat(format.getChannels()).isEqualTo(1);
        assertThat(format.getSampleSizeInBits()).isEqualTo(16);
        assertThat(format.isBigEndian()).isFalse();
        assertThat(file.getFrameLength()).as("samples").isPositive();
        return new TelephonyWav(file.getFrameLength() / 8000.0);
    }
}
