package io.linea.bench.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives GET requests at one URL with java.net.http on virtual threads: a closed loop (fixed concurrency, as fast as
 * possible) for throughput, and an open model (fixed arrival rate) for latency. In the open model latency is measured
 * from when a request was due, not when it was sent, so a stalled client does not hide queueing (coordinated omission).
 */
final class LoadGenerator {

    record Result(String label, long requests, long errors, double seconds, long[] latenciesNanos) {

        double throughput() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.clamp(index, 0, latenciesNanos.length - 1)] / 1e6;
        }

        double maxMillis() {
            return latenciesNanos.length == 0 ? Double.NaN : latenciesNanos[latenciesNanos.length - 1] / 1e6;
        }
    }

    private final HttpClient client;

    LoadGenerator() {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    }

    /** {@code concurrency} virtual threads, each sending its next request as soon as the last one completed. */
    Result closedLoop(String label, URI uri, int concurrency, Duration duration) throws InterruptedException {
        HttpRequest request = request(uri);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long[][] perThread = new long[concurrency][];
        int[] counts = new int[concurrency];
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < concurrency; w++) {
                int worker = w;
                workers.submit(() -> {
                    long[] latencies = new long[1 << 16];
                    int n = 0;
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        if (send(request)) {
                            ok.incrementAndGet();
                            if (n == latencies.length) {
                                latencies = Arrays.copyOf(latencies, n * 2);
                            }
                            latencies[n++] = System.nanoTime() - sent;
                        }
                        else {
                            errors.incrementAndGet();
                        }
                    }
                    perThread[worker] = latencies;
                    counts[worker] = n;
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(label, ok.get(), errors.get(), seconds, merge(perThread, counts));
    }

    /** Requests due every {@code 1/rate} seconds, each on its own virtual thread, whatever the previous ones do. */
    Result openModel(String label, URI uri, int ratePerSecond, Duration duration) throws InterruptedException {
        HttpRequest request = request(uri);
        int total = (int) (ratePerSecond * duration.toSeconds());
        long interval = 1_000_000_000L / ratePerSecond;
        long[] latencies = new long[total];
        AtomicInteger recorded = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime() + 10_000_000L;
        ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            senders.submit(() -> {
                if (send(request)) {
                    latencies[recorded.getAndIncrement()] = System.nanoTime() - due;
                }
                else {
                    errors.incrementAndGet();
                }
            });
        }
        senders.shutdown();
        if (!senders.awaitTermination(2, TimeUnit.MINUTES)) {
            senders.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] done = Arrays.copyOf(latencies, recorded.get());
        Arrays.sort(done);
        return new Result(label, done.length, errors.get(), seconds, done);
    }

    private boolean send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200 && response.body().length > 0;
        }
        catch (java.io.IOException e) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static HttpRequest request(URI uri) {
        return HttpRequest.newBuilder(uri).GET().header("Accept", "application/json").timeout(Duration.ofSeconds(10))
                .build();
    }

    private static long[] merge(long[][] perThread, int[] counts) {
        int size = Arrays.stream(counts).sum();
        long[] all = new long[size];
        int at = 0;
        for (int i = 0; i < perThread.length; i++) {
            if (perThread[i] != null) {
                System.arraycopy(perThread[i], 0, all, at, counts[i]);
                at += counts[i];
            }
        }
        Arrays.sort(all);
        return all;
    }
}
