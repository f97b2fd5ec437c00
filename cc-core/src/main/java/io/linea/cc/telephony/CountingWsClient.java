package io.linea.cc.telephony;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.LongConsumer;

import ch.loway.oss.ari4java.tools.HttpParam;
import ch.loway.oss.ari4java.tools.HttpResponseHandler;
import ch.loway.oss.ari4java.tools.RestException;
import ch.loway.oss.ari4java.tools.WsClient;

/**
 * ari4java's event web socket with every received event's size reported (the
 * {@code linea.ari.event.bytes} counter, B3). A client of its own, so the REST client it sits beside
 * is destroyed separately by {@code ARI.cleanup()}.
 */
final class CountingWsClient implements WsClient {

    private final WsClient delegate;
    private final LongConsumer eventBytes;

    CountingWsClient(WsClient delegate, LongConsumer eventBytes) {
        this.delegate = delegate;
        this.eventBytes = eventBytes;
    }

    @Override
    public WsClientConnection connect(HttpResponseHandler callback, String url, List<HttpParam> query)
            throws RestException {
        return delegate.connect(new Counting(callback), url, query);
    }

    @Override
    public void destroy() {
        delegate.destroy();
    }

    @Override
    public boolean isWsConnected() {
        return delegate.isWsConnected();
    }

    private final class Counting implements HttpResponseHandler {

        private final HttpResponseHandler target;

        Counting(HttpResponseHandler target) {
            this.target = target;
        }

        @Override
        public void onChReadyToWrite() {
            target.onChReadyToWrite();
        }

        @Override
        public void onResponseReceived() {
            target.onResponseReceived();
        }

        @Override
        public void onDisconnect() {
            target.onDisconnect();
        }

        @Override
        public void onSuccess(String response) {
            // ARI events are JSON text frames, ASCII apart from names and caller ids
            eventBytes.accept(response.getBytes(StandardCharsets.UTF_8).length);
            target.onSuccess(response);
        }

        @Override
        public void onSuccess(byte[] response) {
            eventBytes.accept(response.length);
            target.onSuccess(response);
        }

        @Override
        public void onFailure(Throwable e) {
            target.onFailure(e);
        }

        @Override
        public long getLastResponseTime() {
            return target.getLastResponseTime();
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Class getType() {
            return target.getType();
        }
    }
}
