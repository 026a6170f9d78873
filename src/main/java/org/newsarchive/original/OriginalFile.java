package org.newsarchive.original;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The exact bytes an article was ingested from, ready to be downloaded.
 *
 * @param fileName the source file's own name, for the download
 * @param mediaType the type of the source layout with the charset it was decoded with, such as
 *     {@code text/markdown; charset=UTF-8}
 */
public record OriginalFile(byte[] bytes, String fileName, String mediaType, String sha256) {

    /**
     * The file as a download: always an attachment, and sandboxed, so that a hostile HTML original can never run as
     * a page of the archive.
     */
    public ResponseEntity<byte[]> download() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(mediaType))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .eTag('"' + sha256 + '"')
                .body(bytes);
    }
}
