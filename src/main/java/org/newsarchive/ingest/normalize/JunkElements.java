package org.newsarchive.ingest.normalize;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Elements that never carry article content: active content, forms, hidden elements, ad slots and tracking pixels.
 * The flattener skips them with everything inside. Stateless and thread-safe.
 */
final class JunkElements {

    private static final Set<String> JUNK_TAGS = Set.of(
            "script",
            "style",
            "noscript",
            "iframe",
            "frame",
            "frameset",
            "object",
            "embed",
            "applet",
            "form",
            "input",
            "button",
            "select",
            "textarea",
            "option",
            "svg",
            "math",
            "template",
            "link",
            "meta",
            "base",
            "title",
            "head",
            "canvas",
            "audio",
            "video",
            "source",
            "track",
            "map",
            "area",
            "dialog",
            "nav",
            "ins",
            "label",
            "portal",
            "marquee");

    /** Whole class/id tokens that mark ad slots and page furniture. */
    private static final Set<String> JUNK_TOKENS = Set.of(
            "ad",
            "ads",
            "advert",
            "advertisement",
            "adsbygoogle",
            "gpt",
            "sponsor",
            "sponsored",
            "promo",
            "banner",
            "share",
            "sharing",
            "social",
            "qrcode",
            "qr",
            "comment",
            "comments",
            "sidebar",
            "breadcrumb",
            "newsletter",
            "subscribe",
            "recommend",
            "related",
            "hideid",
            "print");

    private static final Pattern TOKEN_SPLIT = Pattern.compile("[^a-z0-9]+");
    private static final Pattern HIDDEN_STYLE = Pattern.compile("(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden");
    private static final Pattern AD_IMAGE_PATH = Pattern.compile("(?i)/(?:ads?|adv|adverts?|banners?|sponsors?)/");
    private static final Pattern PIXEL_SIZE = Pattern.compile("\\s*[01](?:px)?\\s*");

    private JunkElements() {}

    static boolean isJunk(Element element) {
        String tag = element.normalName();
        if (JUNK_TAGS.contains(tag)) {
            return true;
        }
        if (element.hasAttr("hidden")
                || HIDDEN_STYLE.matcher(element.attr("style")).find()) {
            return true;
        }
        if (tag.equals("img") && (isTrackingPixel(element) || isAdImage(element))) {
            return true;
        }
        return hasJunkToken(element.id())
                || hasJunkToken(element.className())
                || element.id().startsWith("taboola");
    }

    private static boolean isTrackingPixel(Element img) {
        return (img.hasAttr("width") && PIXEL_SIZE.matcher(img.attr("width")).matches())
                || (img.hasAttr("height")
                        && PIXEL_SIZE.matcher(img.attr("height")).matches());
    }

    private static boolean isAdImage(Element img) {
        String source = UrlCleaner.imageSource(img);
        return source != null && AD_IMAGE_PATH.matcher(source).find();
    }

    private static boolean hasJunkToken(String value) {
        if (value.isEmpty()) {
            return false;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.contains("taboola") || lower.contains("adsbygoogle")) {
            return true;
        }
        for (String token : TOKEN_SPLIT.split(lower)) {
            if (JUNK_TOKENS.contains(token)) {
                return true;
            }
        }
        return false;
    }
}
