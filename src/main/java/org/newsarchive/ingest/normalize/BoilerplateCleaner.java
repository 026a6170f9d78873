package org.newsarchive.ingest.normalize;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Removes mirror-site and publisher furniture from the body, block by block.
 *
 * <p>Rules are by kind of boilerplate, not by file: navigation bars (links separated by {@code |}, "return home"
 * links), promo headings that are only a link, follow-us link farms pointing to social platforms, subscription
 * appeals, copyright and short-URL lines, QR/share blocks, disclaimers, and the logos, share counts and separators
 * that trail an article. Junk elements (ads, scripts, pixels) never reach blocks; see {@link JunkElements}.
 * Stateless and thread-safe.
 */
final class BoilerplateCleaner {

    private static final Pattern NAVIGATION = Pattern.compile("^(?::house:|🏠)|返回首[頁页]|^返回$|^\\[?返回\\]?$");

    private static final List<Pattern> BOILERPLATE_TEXT = List.of(
            Pattern.compile("^[【\\[]?诚征荣誉会员|^【誠徵榮譽會員"),
            Pattern.compile("^本文短[网網]址"),
            Pattern.compile("版[权權]所有.{0,10}(?:转载|轉載|授权|授權)|严禁建立镜像网站|嚴禁建立鏡像網站"),
            Pattern.compile("^手机上长按|^手機上長按|二维码分享本文|二維碼分享本文"),
            Pattern.compile("^[【\\[（(]?(?:免责声明|免責聲明)"),
            Pattern.compile("^\\*{0,2}(?:更多资讯|更多資訊|更多关注|更多關注)[，,、]?.{0,12}$"),
            Pattern.compile("^\\*{0,2}(?:更多资讯|更多資訊)[，,、]?(?:请|請)?(?:关注|關注)"),
            Pattern.compile("^[（(]?(?:本文|文章|此文|本文章)?(?:仅|僅|只)?代表作者.{0,12}(?:观点|觀點|立场|立場).{0,24}$"),
            Pattern.compile("^(?:点击|點擊)(?:阅读|閱讀|观看|觀看|订阅|訂閱).{0,40}$"),
            Pattern.compile(
                    "^(?:欢迎|歡迎).{0,6}(?:加入|关注|關注).{0,40}(?:Discord|Gettr|GETTR|GTV|Telegram|电报|電報|YouTube|Twitter|群|农场|農場)"),
            Pattern.compile("^(?:订阅|訂閱|关注|關注)我们"));

    /** Hosts whose links, alone in a block, are follow-us promotion rather than content. */
    private static final Set<String> PROMO_HOSTS = Set.of(
            "gettr.com",
            "gtv.org",
            "discord.gg",
            "discord.com",
            "youtube.com",
            "youtu.be",
            "twitter.com",
            "x.com",
            "t.me",
            "telegram.me",
            "facebook.com",
            "instagram.com",
            "rolfoundation.org",
            "rolsociety.org",
            "gfw-breaker.win",
            "getongab.com",
            "parler.com",
            "truthsocial.com",
            "rumble.com");

    private static final Pattern PROMO_PATH = Pattern.compile(
            "(?i)gnews\\.org/(?:zh-hans/|zh-hant/)?(?:author/|terms-of-use|privacy-policy)|github\\.com/(?:begood0513|gfw-breaker|ourhimalayas)|^https?://\\d+\\.\\d+\\.\\d+\\.\\d+");

    private static final Pattern CONTENT_PATH = Pattern.compile(
            "(?i)^https?://media\\.|/post/|/status/|/watch\\?|/video/|/videos/|/streaming/|\\.(?:mp4|m3u8|webm|mp3|jpg|jpeg|png)(?:[?#]|$)");

    private static final Pattern TRAILING_JUNK = Pattern.compile("^(?:[+＋]?\\d{1,4}|[*＊>·•\\-–—=_~]+|[+＋])$");
    /** Logos and posters trailing an article; elsewhere an image with such a name may be content. */
    private static final Pattern DECORATIVE_IMAGE = Pattern.compile("(?i)(?:logo|poster|banner)[^/]*$");
    /** Share images of mirror pages: QR codes rendered per page. */
    private static final Pattern QR_IMAGE = Pattern.compile("(?i)\\.md\\.png$|qr-?code[^/]*$");

    private static final Pattern DISCLAIMER_HEADING = Pattern.compile("^[【\\[]?(?:免责声明|免責聲明)[】\\]]?[:：]?$");
    private static final int MAX_DISCLAIMER = 200;
    /** Boilerplate lines are short: longer blocks are running text and skip the pattern checks. */
    private static final int MAX_BOILERPLATE_LINE = 400;

    private static final Pattern BARE_URL = Pattern.compile("^https?://\\S+$");

    /** Removes navigation bars; runs before the title is read, because the bars come before it. */
    void removeNavigation(ArticleDraft draft) {
        draft.blocks.removeIf(block -> isNavigation(block));
    }

    /** Removes all other boilerplate; runs after the title, byline and source links are taken. */
    void removeBoilerplate(ArticleDraft draft) {
        removeDisclaimerBodies(draft.blocks);
        draft.blocks.removeIf(this::isBoilerplate);
        trimEnds(draft.blocks);
        draft.blocks.removeIf(block -> block.is(Block.Kind.RULE));
    }

    /** A disclaimer heading alone on its line ({@code 【免责声明】}) takes the short paragraph under it along. */
    private static void removeDisclaimerBodies(List<Block> blocks) {
        for (int i = 0; i + 1 < blocks.size(); i++) {
            if (DISCLAIMER_HEADING.matcher(blocks.get(i).text()).matches()
                    && blocks.get(i + 1).is(Block.Kind.PARAGRAPH)
                    && blocks.get(i + 1).text().length() <= MAX_DISCLAIMER) {
                blocks.remove(i + 1);
            }
        }
    }

    private static boolean isNavigation(Block block) {
        if (block.is(Block.Kind.RULE) || block.is(Block.Kind.FIGURE)) {
            return false;
        }
        String text = block.text();
        if (text.length() > MAX_BOILERPLATE_LINE) {
            return false;
        }
        if (text.length() <= 40 && NAVIGATION.matcher(text).find()) {
            return true;
        }
        int links = block.content().getElementsByTag("a").size();
        return links >= 2 && (text.contains("|") || text.contains("｜")) && block.isMostlyLinks(0.6);
    }

    private boolean isBoilerplate(Block block) {
        if (block.is(Block.Kind.FIGURE)) {
            return QR_IMAGE.matcher(block.image().url()).find();
        }
        if (block.is(Block.Kind.RULE)) {
            return false;
        }
        String text = block.text();
        if (text.length() > MAX_BOILERPLATE_LINE) {
            return false;
        }
        for (Pattern pattern : BOILERPLATE_TEXT) {
            if (pattern.matcher(text).find()) {
                return true;
            }
        }
        if (block.is(Block.Kind.HEADING) && block.isMostlyLinks(0.9)) {
            return true;
        }
        if (BARE_URL.matcher(text).matches() && isPromoUrl(text)) {
            return true;
        }
        return isLinkFarm(block);
    }

    private static boolean isLinkFarm(Block block) {
        List<Element> links = block.content().getElementsByTag("a");
        if (links.isEmpty() || !block.isMostlyLinks(0.6)) {
            return false;
        }
        for (Element link : links) {
            if (!isPromoUrl(link.attr("href"))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A link to a social-platform profile, channel or invite, or to the mirror's own pages. Links to a post or a
     * media file on the same platforms are content (a video post's only body is its video link), so they stay.
     */
    private static boolean isPromoUrl(String url) {
        String host = UrlCleaner.host(url);
        if (host == null || CONTENT_PATH.matcher(url).find()) {
            return false;
        }
        for (String promo : PROMO_HOSTS) {
            if (host.equals(promo) || host.endsWith("." + promo)) {
                return true;
            }
        }
        return PROMO_PATH.matcher(url.toLowerCase(Locale.ROOT)).find();
    }

    /** Drops separators, share counts, logos and empty promo lines that trail or lead the article. */
    private void trimEnds(List<Block> blocks) {
        while (!blocks.isEmpty() && isTrailingJunk(blocks.get(blocks.size() - 1))) {
            blocks.remove(blocks.size() - 1);
        }
        while (!blocks.isEmpty() && blocks.get(0).is(Block.Kind.RULE)) {
            blocks.remove(0);
        }
    }

    private boolean isTrailingJunk(Block block) {
        return switch (block.kind()) {
            case RULE -> true;
            case FIGURE ->
                DECORATIVE_IMAGE.matcher(block.image().url()).find()
                        && block.image().caption() == null;
            default -> TRAILING_JUNK.matcher(block.text()).matches();
        };
    }
}
