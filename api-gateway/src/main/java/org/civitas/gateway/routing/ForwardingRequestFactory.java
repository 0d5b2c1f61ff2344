package org.civitas.gateway.routing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.http.client.AbstractStreamingClientHttpRequest;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.StreamUtils;

/**
 * Forwards requests with the JDK client. Spring's own JDK request streams every body through a
 * publisher fed by a new thread per request, in small chunks handed between threads; for an ingest
 * batch (about 150 KB, a hundred a second) that hand-over cost more CPU than the copying itself.
 * Bodies of declared length up to {@code bufferLimit} are therefore read on the request's own
 * thread into one array and sent as it; larger or chunked bodies are still streamed, so memory per
 * request stays bounded by the limit. Headers are forwarded as given, without adding compression.
 */
final class ForwardingRequestFactory implements ClientHttpRequestFactory, AutoCloseable {

  /** Headers the JDK client sets itself and refuses to take (its restricted set). */
  private static final Set<String> RESTRICTED = restrictedHeaders();

  private final HttpClient client;
  private final Duration responseTimeout;
  private final long bufferLimit;
  private final ExecutorService streamingThreads;
  private final JdkClientHttpRequestFactory streaming;

  ForwardingRequestFactory(HttpClient client, Duration responseTimeout, long bufferLimit) {
    this.client = client;
    this.responseTimeout = responseTimeout;
    this.bufferLimit = bufferLimit;
    // streamed bodies are written by a pooled thread rather than one started per request
    this.streamingThreads =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "gateway-body-writer");
              thread.setDaemon(true);
              return thread;
            });
    this.streaming = new JdkClientHttpRequestFactory(client, streamingThreads);
    this.streaming.setReadTimeout(responseTimeout);
    this.streaming.enableCompression(false);
  }

  @Override
  public ClientHttpRequest createRequest(URI uri, HttpMethod method) {
    return new ForwardedRequest(uri, method);
  }

  @Override
  public void close() {
    streamingThreads.shutdownNow();
  }

  private final class ForwardedRequest extends AbstractStreamingClientHttpRequest {

    private final URI uri;
    private final HttpMethod method;

    ForwardedRequest(URI uri, HttpMethod method) {
      this.uri = uri;
      this.method = method;
    }

    @Override
    public HttpMethod getMethod() {
      return method;
    }

    @Override
    public URI getURI() {
      return uri;
    }

    @Override
    protected ClientHttpResponse executeInternal(
        HttpHeaders headers, StreamingHttpOutputMessage.Body body) throws IOException {
      long length = headers.getContentLength();
      if (body == null || length < 0 || length > bufferLimit) {
        return streamed(headers, body);
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) length);
      body.writeTo(bytes);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri)
              .timeout(responseTimeout)
              .method(method.name(), HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray()));
      headers.forEach(
          (name, values) -> {
            if (!RESTRICTED.contains(name)) {
              values.forEach(value -> request.header(name, value));
            }
          });
      try {
        return new ForwardedResponse(
            client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while forwarding", e);
      }
    }

    private ClientHttpResponse streamed(HttpHeaders headers, StreamingHttpOutputMessage.Body body)
        throws IOException {
      ClientHttpRequest request = streaming.createRequest(uri, method);
      request.getHeaders().putAll(headers);
      if (body != null) {
        ((StreamingHttpOutputMessage) request).setBody(body);
      }
      return request.execute();
    }
  }

  private static final class ForwardedResponse implements ClientHttpResponse {

    private final HttpResponse<InputStream> response;
    private final HttpHeaders headers;

    ForwardedResponse(HttpResponse<InputStream> response) {
      this.response = response;
      this.headers = new HttpHeaders();
      response.headers().map().forEach(headers::addAll);
    }

    @Override
    public HttpStatusCode getStatusCode() {
      return HttpStatusCode.valueOf(response.statusCode());
    }

    @Override
    public String getStatusText() {
      HttpStatus status = HttpStatus.resolve(response.statusCode());
      return status == null ? "" : status.getReasonPhrase();
    }

    @Override
    public HttpHeaders getHeaders() {
      return headers;
    }

    @Override
    public InputStream getBody() {
      return response.body();
    }

    @Override
    public void close() {
      // read to the end so the connection goes back to the pool instead of being dropped
      try (InputStream body = response.body()) {
        StreamUtils.drain(body);
      } catch (IOException e) {
        // the connection is discarded; nothing else to release
      }
    }
  }

  private static Set<String> restrictedHeaders() {
    Set<String> restricted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    restricted.addAll(Set.of("connection", "content-length", "expect", "host", "upgrade"));
    String allowed = System.getProperty("jdk.httpclient.allowRestrictedHeaders");
    if (allowed != null) {
      for (String name : allowed.split(",")) {
        restricted.remove(name.trim());
      }
    }
    return restricted;
  }
}
