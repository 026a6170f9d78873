package org.newsarchive.search;

import org.newsarchive.article.Article;

/**
 * One result: the article (without its body: {@link Article#withoutBody}; {@link SearchService#find} gives the whole
 * article) and its highlighted title and snippet. The highlighted strings are HTML: the text is
 * escaped and matches are wrapped in {@code <mark>}, in the article's original characters.
 *
 * @param copies how many archived articles are copies of this story, this one included; the others are not listed
 *     as separate hits
 */
public record SearchHit(Article article, String titleHighlighted, String snippet, float score, int copies) {}
