package org.newsarchive.representation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Optional;
import org.newsarchive.article.ArticleImage;

/**
 * An image of an article as the API gives it: where the article showed it, and the archive's copy when it holds one.
 *
 * @param url the image's real (unproxied) address on its host
 */
public record ImageRecord(
        String url,

        @Schema(nullable = true, description = "Visible caption text")
        String caption,

        @Schema(nullable = true, description = "The alternative text the source gave")
        String alt,

        @Schema(nullable = true, description = "The archive's copy of the image, null when it holds none")
        String archivedUrl,

        @Schema(nullable = true, description = "When the archive's copy was fetched")
        Instant capturedAt) {

    static ImageRecord of(ArticleImage image, CaptureView archive, String baseUrl) {
        Optional<CaptureView.ArchivedImage> copy = archive.find(image.url());
        return new ImageRecord(
                image.url(),
                image.caption(),
                image.alt(),
                copy.map(archived -> baseUrl + archived.path()).orElse(null),
                copy.map(CaptureView.ArchivedImage::capturedAt).orElse(null));
    }
}
