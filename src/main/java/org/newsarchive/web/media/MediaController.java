package org.newsarchive.web.media;

import java.io.InputStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.newsarchive.capture.Capture;
import org.newsarchive.capture.CaptureStore;
import org.newsarchive.capture.PayloadTypes;
import org.newsarchive.request.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code /media/{sha256}}: a captured payload, served from the archive's WARC files, so a reader sees an article's
 * images without asking their hosts. A payload is named by its digest, so its answer never changes: a strong ETag
 * and a year's immutable caching. The type is the one sniffed from its bytes when it was captured, never the one its
 * host claimed. Only raster images are shown inline; anything else (SVG can carry script, HTML can pose as a page of
 * the archive) is a download under {@code Content-Security-Policy: sandbox}.
 */
@Controller
class MediaController {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private final ObjectProvider<CaptureStore> captures;

    MediaController(ObjectProvider<CaptureStore> captures) {
        this.captures = captures;
    }

    @GetMapping("/media/{digest}")
    ResponseEntity<StreamingResponseBody> media(@PathVariable String digest, WebRequest request) {
        if (!SHA256.matcher(digest).matches()) {
            throw new NotFoundException("media " + digest);
        }
        String sha256 = digest.toLowerCase(Locale.ROOT);
        CaptureStore store = captures.getObject();
        Capture capture = store.payload(sha256).orElseThrow(() -> new NotFoundException("media " + sha256));
        String etag = "\"" + sha256 + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        String type = capture.answer().type() == null
                ? MediaType.APPLICATION_OCTET_STREAM_VALUE
                : capture.answer().type();
        boolean inline = PayloadTypes.isInlineImage(type);
        HttpHeaders headers = new HttpHeaders();
        headers.setETag(etag);
        headers.setCacheControl(
                CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable());
        headers.set("X-Content-Type-Options", "nosniff");
        if (inline) {
            headers.setContentDisposition(ContentDisposition.inline().build());
        } else {
            headers.setContentDisposition(
                    ContentDisposition.attachment().filename(sha256).build());
            headers.set("Content-Security-Policy", "sandbox; default-src 'none'");
        }
        StreamingResponseBody body = out -> {
            try (InputStream in = store.open(capture)) {
                in.transferTo(out);
            }
        };
        return ResponseEntity.ok().headers(headers).contentType(mediaType(type)).body(body);
    }

    private static MediaType mediaType(String type) {
        try {
            return MediaType.parseMediaType(type);
        } catch (IllegalArgumentException unusual) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
