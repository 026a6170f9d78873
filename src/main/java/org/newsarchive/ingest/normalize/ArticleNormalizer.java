package org.newsarchive.ingest.normalize;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.codec.digest.DigestUtils;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.newsarchive.article.Article;
import org.newsarchive.article.ArticleIds;
import org.newsarchive.article.ArticleImage;
import org.newsarchive.article.ArticleVideo;
import org.newsarchive.article.Language;
import org.newsarchive.article.Provenance;
import org.newsarchive.article.SourceFormat;

/**
 * Turns the bytes of one mirrored file into a clean {@link Article}, or into a refusal with a one-line reason.
 *
 * <p>The pipeline: decode bytes, split front matter, render Markdown (with its embedded HTML) to a DOM, flatten the
 * DOM into blocks, then let each stage take what it recognizes: source links and byline, navigation, title,
 * dateline, credits, boilerplate, tag links. What is left is the body. {@link #normalize} never throws, so one bad
 * file cannot stop a batch: a file that is no article is refused with its reason, and a failure of the normalizer
 * itself (a bug) is reported apart, as a crash, so that it is never mistaken for a refusal. The size limit is the
 * ingest service's, checked before the bytes are read. Thread-safe; one instance serves all ingest threads.
 */
public final class ArticleNormalizer {

    private static final int READING_HAN_PER_MINUTE = 400;
    private static final int READING_WORDS_PER_MINUTE = 200;
    private static final String[] LEAD_IMAGE_KEYS = {"headimg", "thumbnail", "image", "cover", "lead_image", "og:image"
    };

    private final SourceDecoder decoder = new SourceDecoder();
    private final FrontMatterParser frontMatterParser = new FrontMatterParser();
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final BlockFlattener flattener = new BlockFlattener();
    private final SourceUrlExtractor sourceUrls = new SourceUrlExtractor();
    private final BoilerplateCleaner boilerplate = new BoilerplateCleaner();
    private final TitleExtractor titles = new TitleExtractor();
    private final DatelineExtractor datelines = new DatelineExtractor();
    private final PeopleExtractor people = new PeopleExtractor();
    private final LinkCleaner links = new LinkCleaner();
    private final BodyWriter writer = new BodyWriter();
    private final LanguageDetector languages = new LanguageDetector();
    private final MetadataResolver metadata = new MetadataResolver(Publishers.load());
    private final boolean markdownThroughHtml;

    public ArticleNormalizer() {
        this(false);
    }

    private ArticleNormalizer(boolean markdownThroughHtml) {
        this.markdownThroughHtml = markdownThroughHtml;
    }

    /**
     * A normalizer that reads all Markdown through rendered HTML, never building its DOM from the syntax tree: the
     * reference that the faster path must agree with, for tests and benchmarks.
     */
    public static ArticleNormalizer markdownThroughHtml() {
        return new ArticleNormalizer(true);
    }

    /**
     * Normalizes one file whose SHA-256 is already known, as the raw store computed it when keeping the bytes.
     *
     * @param bytes the file's raw bytes
     * @param sha256 the hex SHA-256 of {@code bytes}, recorded as provenance
     * @param path the file's path relative to the ingest root, recorded as provenance
     * @param ingestedAt the time recorded as provenance
     */
    public NormalizationResult normalize(byte[] bytes, String sha256, String path, Instant ingestedAt) {
        List<IngestProblem> problems = new ArrayList<>();
        try {
            DecodedText decoded = decoder.decode(bytes);
            problems.addAll(decoded.warnings());
            Article article = normalizeText(decoded, sha256, path, ingestedAt, problems);
            return new NormalizationResult.Normalized(article, problems);
        } catch (RefusedFileException refused) {
            problems.add(IngestProblem.error(refused.getMessage()));
            return new NormalizationResult.Refused(problems);
        } catch (RuntimeException | StackOverflowError unexpected) {
            problems.add(IngestProblem.error("could not be parsed: " + describe(unexpected)));
            return new NormalizationResult.Crashed(unexpected, problems);
        }
    }

    /** Normalizes one file, hashing it first; for callers that do not keep the bytes. */
    public NormalizationResult normalize(byte[] bytes, String path, Instant ingestedAt) {
        return normalize(bytes, DigestUtils.sha256Hex(bytes), path, ingestedAt);
    }

    private Article normalizeText(
            DecodedText decoded, String sha256, String path, Instant ingestedAt, List<IngestProblem> problems) {
        String text = decoded.text().replace("\r\n", "\n").replace('\r', '\n').replace("\u0000", "");
        if (text.isBlank()) {
            throw new RefusedFileException("empty file");
        }
        ParsedSource source = parse(text, problems);
        List<ArticleVideo> videos = videos(source.root());
        ArticleDraft draft =
                new ArticleDraft(source.frontMatter(), flattener.flatten(source.root()), comments(source.root()));
        sourceUrls.apply(draft);
        // A page read from a web archive is recorded at its URL: that is where it came from when it names no other.
        draft.offerSourceUrl(path);
        boilerplate.removeNavigation(draft);
        titles.apply(draft);
        datelines.apply(draft);
        people.apply(draft);
        boilerplate.removeBoilerplate(draft);
        links.apply(draft);
        problems.addAll(draft.warnings);
        int reported = draft.warnings.size();

        BodyWriter.Body body = writer.write(draft.blocks);
        boolean hasImages = draft.blocks.stream().anyMatch(block -> block.is(Block.Kind.FIGURE));
        boolean hasBody = !body.prose().isBlank() || hasImages || !videos.isEmpty();
        if (draft.title == null || draft.title.isBlank() && !hasBody) {
            throw new RefusedFileException("no article body found");
        }
        if (body.prose().isBlank()) {
            problems.add(IngestProblem.warning(
                    hasImages || !videos.isEmpty()
                            ? "the article has " + (hasImages ? "images" : "a video") + " but no text"
                            : "only a title was kept: the article is kept as a record that it existed, without text"));
        }
        Article article = assemble(draft, body, videos, source.format(), decoded.charset(), sha256, path, ingestedAt);
        problems.addAll(draft.warnings.subList(reported, draft.warnings.size()));
        return article;
    }

    /**
     * The videos the page embeds ({@code <video src>} or its first {@code <source src>}), before flattening drops
     * them: of many deleted posts a mirror kept little else.
     */
    private static List<ArticleVideo> videos(Element root) {
        List<ArticleVideo> videos = new ArrayList<>();
        for (Element video : root.select("video")) {
            String url = video.absUrl("src").isEmpty() ? video.attr("src") : video.absUrl("src");
            if (url.isBlank()) {
                Element source = video.selectFirst("source[src]");
                url = source == null ? "" : source.attr("src");
            }
            String address = UrlCleaner.absoluteHttp(url.strip());
            if (address == null) {
                continue;
            }
            String poster = UrlCleaner.absoluteHttp(video.attr("poster").strip());
            Element figure = video.closest("figure");
            Element caption = figure == null ? null : figure.selectFirst("figcaption");
            String captionText = caption == null ? "" : caption.text().strip();
            videos.add(new ArticleVideo(address, poster, captionText.isEmpty() ? null : captionText));
        }
        return videos;
    }

    private Article assemble(
            ArticleDraft draft,
            BodyWriter.Body body,
            List<ArticleVideo> videos,
            SourceFormat format,
            String charset,
            String sha256,
            String path,
            Instant ingestedAt) {
        FrontMatter frontMatter = draft.frontMatter;
        List<ArticleImage> images = draft.blocks.stream()
                .filter(block -> block.is(Block.Kind.FIGURE))
                .map(Block::image)
                .toList();
        String languageSample =
                !body.prose().isBlank() ? body.prose() : !body.text().isBlank() ? body.text() : draft.title;
        Language language = languages.detect(languageSample);
        String publisher = metadata.publisher(draft);
        Set<String> authors = new LinkedHashSet<>(metadata.frontMatterAuthors(draft));
        authors.addAll(draft.authors);
        Set<String> editors = new LinkedHashSet<>(frontMatter.list("editor", "editors"));
        editors.addAll(draft.editors);
        Set<String> keywords = new LinkedHashSet<>(frontMatter.list("keywords", "keyword"));
        keywords.addAll(draft.keywords);
        String id = draft.sourceUrl != null
                ? ArticleIds.fromSourceUrl(draft.sourceUrl)
                : ArticleIds.fromText(body.prose().isBlank() ? draft.title + "\n" + body.html() : body.prose());
        return new Article(
                id,
                draft.title,
                frontMatter.text("subtitle", "subheading"),
                metadata.publishedAt(
                        draft,
                        publisher,
                        language,
                        images.stream().map(ArticleImage::url).toList()),
                publisher,
                draft.channel != null ? draft.channel : frontMatter.text("channel"),
                List.copyOf(authors),
                List.copyOf(editors),
                draft.sourceUrl,
                frontMatter.list("tags", "tag"),
                frontMatter.list("categories", "category"),
                List.copyOf(keywords),
                leadImage(frontMatter, images),
                images,
                videos,
                language,
                body.text(),
                body.html(),
                countNonWhitespace(body.text()),
                readingMinutes(body.prose()),
                new Provenance(path, format, sha256, charset, ingestedAt));
    }

    private record ParsedSource(FrontMatter frontMatter, Element root, SourceFormat format) {}

    private ParsedSource parse(String text, List<IngestProblem> problems) {
        if (isHtmlDocument(text)) {
            Document document = Jsoup.parse(text);
            FrontMatter meta = HtmlMetadata.read(document);
            Element article = document.selectFirst("article");
            return new ParsedSource(meta, article != null ? article : document.body(), SourceFormat.HTML);
        }
        FrontMatterParser.Split split = frontMatterParser.split(text);
        problems.addAll(split.warnings());
        Element body = markdownThroughHtml ? markdown.bodyThroughHtml(split.body()) : markdown.body(split.body());
        return new ParsedSource(split.frontMatter(), body, SourceFormats.detect(split));
    }

    private static boolean isHtmlDocument(String text) {
        String head =
                text.substring(0, Math.min(text.length(), 1024)).stripLeading().toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html");
    }

    private static List<String> comments(Element root) {
        List<String> comments = new ArrayList<>();
        NodeTraversor.traverse(
                (Node node, int depth) -> {
                    if (node instanceof Comment comment && comments.size() < 20) {
                        comments.add(comment.getData());
                    }
                },
                root);
        return comments;
    }

    private static ArticleImage leadImage(FrontMatter frontMatter, List<ArticleImage> images) {
        for (String key : LEAD_IMAGE_KEYS) {
            String url = UrlCleaner.absoluteHttp(UrlCleaner.unwrapProxy(String.valueOf(frontMatter.text(key))));
            if (url != null) {
                return images.stream()
                        .filter(image -> image.url().equals(url))
                        .findFirst()
                        .orElse(new ArticleImage(url, null, null));
            }
        }
        return images.isEmpty() ? null : images.get(0);
    }

    private static int countNonWhitespace(String text) {
        return (int) text.codePoints().filter(c -> !Character.isWhitespace(c)).count();
    }

    private static int readingMinutes(String text) {
        int han = TextNormalizer.countHan(text);
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean wordChar = c < 0x250 && Character.isLetterOrDigit(c);
            if (wordChar && !inWord) {
                words++;
            }
            inWord = wordChar;
        }
        double minutes = (double) han / READING_HAN_PER_MINUTE + (double) words / READING_WORDS_PER_MINUTE;
        return Math.max(1, (int) Math.ceil(minutes));
    }

    private static String describe(Throwable unexpected) {
        String message = unexpected.getMessage();
        String kind = unexpected instanceof StackOverflowError ? "markup nested too deeply" : "unexpected structure";
        return message == null || message.isBlank()
                ? kind
                : kind + " (" + message.lines().findFirst().orElse("") + ")";
    }
}
