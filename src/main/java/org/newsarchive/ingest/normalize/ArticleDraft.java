package org.newsarchive.ingest.normalize;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.newsarchive.article.PublicationDate;

/**
 * The working state of one file while its stages run: the body blocks and the metadata found so far.
 *
 * <p>Extractors consume what they recognize: a credit line becomes an author and leaves the body. Candidates that
 * several places may state (dates, publishers) are collected and resolved at the end by precedence. Mutable and
 * confined to one thread.
 */
final class ArticleDraft {

    final FrontMatter frontMatter;
    final List<Block> blocks;
    final List<String> comments;
    final List<IngestProblem> warnings = new ArrayList<>();
    final List<PublicationDate> dateCandidates = new ArrayList<>();
    /** Publisher names in the order found: stated ones first, inferred ones last. */
    final List<String> publisherHints = new ArrayList<>();

    final Set<String> authors = new LinkedHashSet<>();
    final Set<String> editors = new LinkedHashSet<>();
    final Set<String> keywords = new LinkedHashSet<>();
    String title;
    String sourceUrl;
    String channel;

    ArticleDraft(FrontMatter frontMatter, List<Block> blocks, List<String> comments) {
        this.frontMatter = frontMatter;
        this.blocks = new ArrayList<>(blocks);
        this.comments = List.copyOf(comments);
    }

    void offerSourceUrl(String url) {
        String absolute = UrlCleaner.absoluteHttp(url);
        if (sourceUrl == null && absolute != null) {
            sourceUrl = absolute;
        }
    }

    void warn(String message) {
        warnings.add(IngestProblem.warning(message));
    }

    /** Index of the first block that is real running text, or the block count when there is none. */
    int firstTextParagraph() {
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (block.is(Block.Kind.PARAGRAPH) && !block.isMostlyLinks(0.5)) {
                return i;
            }
        }
        return blocks.size();
    }
}
