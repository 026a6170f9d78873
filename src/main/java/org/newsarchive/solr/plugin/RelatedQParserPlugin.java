package org.newsarchive.solr.plugin;

import org.apache.lucene.search.Query;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.search.QParser;
import org.apache.solr.search.QParserPlugin;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.query.LikeQuery;

/**
 * "More like this" inside Solr, registered as {@code related}: {@code {!related}title and lead} builds the same
 * {@link LikeQuery} as the embedded index, over each shard's own word statistics.
 */
public final class RelatedQParserPlugin extends QParserPlugin {

    public static final String NAME = "related";

    private static final ChineseAnalysis ANALYSIS = new ChineseAnalysis();

    @Override
    public QParser createParser(String text, SolrParams localParams, SolrParams params, SolrQueryRequest request) {
        return new QParser(text, localParams, params, request) {
            @Override
            public Query parse() {
                return LikeQuery.of(request.getSearcher().getIndexReader(), ANALYSIS, "", qstr == null ? "" : qstr);
            }
        };
    }
}
