package org.newsarchive.solr.plugin;

import org.apache.lucene.search.Query;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.search.QParser;
import org.apache.solr.search.QParserPlugin;
import org.newsarchive.analysis.ChineseAnalysis;
import org.newsarchive.query.QueryFactory;
import org.newsarchive.query.QuerySyntax;

/**
 * The archive's query syntax inside Solr, registered as {@code archive} in the configset: {@code {!archive}text}
 * builds exactly the Lucene query the embedded index runs ({@link QueryFactory}), so both engines match and rank
 * alike.
 *
 * <p>Local parameters: {@code anyTerm=true} for the any-term fallback; {@code part=match} for the matching clauses
 * alone, without the ranking clauses (what the highlighter is given).
 */
public final class ArchiveQParserPlugin extends QParserPlugin {

    public static final String NAME = "archive";

    private static final QueryFactory QUERIES = new QueryFactory(new ChineseAnalysis());

    @Override
    public QParser createParser(String text, SolrParams localParams, SolrParams params, SolrQueryRequest request) {
        return new QParser(text, localParams, params, request) {
            @Override
            public Query parse() {
                boolean anyTerm = localParams != null && localParams.getBool("anyTerm", false);
                boolean matchOnly = localParams != null && "match".equals(localParams.get("part"));
                QueryFactory.Built built = QUERIES.build(QuerySyntax.parse(qstr), anyTerm);
                return matchOnly ? built.match() : built.ranked();
            }
        };
    }
}
