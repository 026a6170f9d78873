package org.newsarchive.web.article;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.newsarchive.article.Article;
import org.newsarchive.article.ArticleImage;
import org.newsarchive.config.ArchiveProperties;
import org.newsarchive.config.ArchiveProperties.RemoteImages;
import org.newsarchive.representation.CaptureView;
import org.newsarchive.search.TermMarker;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Prepares an article's sanitized HTML for the reading page: marks the reader's search terms, adds the lead image
 * when the body does not already show it, and applies the remote-image setting. Every article image lives on a
 * third-party host, and loading it tells that host who is reading; with {@code click} (the default) an image is a
 * link until the reader asks for it. An image the archive captured is shown from the archive instead ({@code
 * /media/SHA256}), whatever the setting, as showing it tells nobody anything. The input is already sanitized;
 * nothing here adds markup from the article.
 */
@Component
class ArticleBody {

    private final TermMarker marker;
    private final RemoteImages remoteImages;
    private final MessageSource messages;
    private final CaptureView archive;
    private final PreparedBodies prepared = new PreparedBodies(PREPARED_CHARS);

    /** Characters of prepared bodies kept: about 16 MB, some hundreds of articles. */
    private static final long PREPARED_CHARS = 8_000_000;

    ArticleBody(TermMarker marker, ArchiveProperties properties, MessageSource messages, CaptureView archive) {
        this.marker = marker;
        this.archive = archive;
        this.remoteImages = properties.web().remoteImages();
        this.messages = messages;
    }

    /**
     * The body HTML to show, with {@code query}'s terms marked when a query is given. Without a query the result
     * depends only on the stored article and the interface language, so it is prepared once and kept
     * ({@link PreparedBodies}); a new version of the article has another SHA-256 and is prepared anew, and so is
     * every body once a capture is added.
     */
    String render(Article article, String query) {
        if (query == null || query.isBlank()) {
            Locale locale = LocaleContextHolder.getLocale();
            String key = article.id()
                    + '\n'
                    + article.provenance().sha256()
                    + '\n'
                    + locale.toLanguageTag()
                    + '\n'
                    + archive.generation();
            return prepared.get(key, () -> prepare(article, article.html()));
        }
        return prepare(article, marker.mark(article.html(), query));
    }

    private String prepare(Article article, String html) {
        Document document = Jsoup.parseBodyFragment(html);
        Element body = document.body();
        ArticleImage lead = article.leadImage();
        if (lead != null
                && body.select("img").stream().noneMatch(img -> img.attr("src").equals(lead.url()))) {
            Element figure = body.prependElement("figure").addClass("lead-image");
            figure.appendElement("img").attr("src", lead.url()).attr("alt", alt(lead));
            if (lead.caption() != null) {
                figure.appendElement("figcaption").text(lead.caption());
            }
        }
        for (Element image : body.select("img")) {
            Optional<CaptureView.ArchivedImage> archived = archive.find(image.attr("src"));
            if (archived.isPresent()) {
                showArchived(image, archived.get());
            } else {
                applyPolicy(image);
            }
        }
        return body.html();
    }

    /** The image's own alternative text; none when only a caption exists, as the caption is shown beside it. */
    private static String alt(ArticleImage image) {
        return image.alt() != null ? image.alt() : "";
    }

    /** The archive's copy in place of the remote image; its alt text stays, and its caption is beside it already. */
    private static void showArchived(Element image, CaptureView.ArchivedImage copy) {
        String alt = image.attr("alt");
        image.clearAttributes()
                .attr("src", copy.path())
                .attr("alt", alt)
                .attr("loading", "lazy")
                .attr("decoding", "async")
                .addClass("archived-image");
    }

    private void applyPolicy(Element image) {
        String source = image.attr("src");
        switch (remoteImages) {
            case SHOW -> image.attr("loading", "lazy").attr("referrerpolicy", "no-referrer");
            case CLICK ->
                image.replaceWith(new Element("a")
                        .addClass("remote-image")
                        .attr("href", source)
                        .attr("rel", "nofollow noopener noreferrer")
                        .attr("referrerpolicy", "no-referrer")
                        .attr("data-src", source)
                        .attr("data-alt", image.attr("alt"))
                        .attr("data-failed", message("article.image.failed", host(source)))
                        .text(message("article.image.load", host(source))));
            case HIDE ->
                image.replaceWith(new Element("span")
                        .addClass("remote-image")
                        .text(message("article.image.hidden", host(source))));
        }
    }

    private String message(String key, String argument) {
        return messages.getMessage(key, new Object[] {argument}, LocaleContextHolder.getLocale());
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "?" : host;
        } catch (IllegalArgumentException e) {
            return "?";
        }
    }
}
