package org.newsarchive.search;

import org.newsarchive.article.PublicationDate;

/**
 * What the archive holds, for its home and about pages.
 *
 * @param articles archived articles, copies included
 * @param earliest the oldest publication date, or null when no article is dated
 * @param latest the newest publication date, or null when no article is dated
 * @param publishers distinct publishers
 */
public record ArchiveOverview(long articles, PublicationDate earliest, PublicationDate latest, int publishers) {}
