package io.linea.cc.prompt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The format of a RIFF/WAVE file as its header states it. Asterisk's {@code wav} format plays only
 * 8 kHz mono 16-bit signed PCM, so that is what a prompt must be.
 */
record WavFormat(int audioFormat, int channels, int sampleRate, int bitsPerSample, long dataBytes) {

    private static final int PCM = 1;

    boolean isTelephony() {
        return audioFormat == PCM && channels == 1 && sampleRate == 8000 && bitsPerSample == 16;
    }

    long durationMillis() {
        long bytesPerSecond = (long) sampleRate * channels * bitsPerSample / 8;
        return bytesPerSecond == 0 ? 0 : dataBytes * 1000 / bytesPerSecond;
    }

    /** Walks the chunks up to {@code data}; fails when the file is not RIFF/WAVE or lacks {@code fmt }. */
    static WavFormat read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer riff = read(channel, 0, 12);
            if (riff == null || !tag(riff, 0).equals("RIFF") || !tag(riff, 8).equals("WAVE")) {
                throw new IOException(file.getFileName() + " is not a RIFF/WAVE file");
            }
            long position = 12;
            WavFormat format = null;
            while (true) {
                ByteBuffer header = read(channel, position, 8);
                if (header == null) {
                    throw new IOException(file.getFileName() + " has no data chunk");
                }
                String id = tag(header, 0);
                long size = Integer.toUnsignedLong(header.getInt(4));
                if (id.equals("fmt ")) {
                    ByteBuffer fmt = read(channel, position + 8, 16);
                    if (fmt == null) {
                        throw new IOException(file.getFileName() + " has a truncated fmt chunk");
                    }
                    format = new WavFormat(Short.toUnsignedInt(fmt.getShort(0)), Short.toUnsignedInt(fmt.getShort(2)),
                            fmt.getInt(4), Short.toUnsignedInt(fmt.getShort(14)), 0);
                } else if (id.equals("data")) {
                    if (format == null) {
                        throw new IOException(file.getFileName() + " has data before its fmt chunk");
                    }
                    long available = channel.size() - position - 8;
                    return new WavFormat(format.audioFormat, format.channels, format.sampleRate,
                            format.bitsPerSample, Math.min(size, available));
                }
                // Chunks are padded to an even size.
                position += 8 + size + (size & 1);
            }
        }
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                return null;
            }
        }
        return buffer.flip();
    }

    private static String tag(ByteBuffer buffer, int offset) {
        byte[] bytes = new byte[4];
        buffer.get(offset, bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
