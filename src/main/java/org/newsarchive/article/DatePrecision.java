package org.newsarchive.article;

/** How much of a publication date the source actually states. */
public enum DatePrecision {
    DATE_TIME,
    DATE,
    MONTH
}
