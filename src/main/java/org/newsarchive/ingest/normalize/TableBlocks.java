package org.newsarchive.ingest.normalize;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Turns a table of mirrored markup into a table block: tables are the one structure kept whole, since their rows and
 * columns carry the meaning (election results, casualty counts), but only their cells, spans, emphasis and web links
 * survive. Stateless.
 */
final class TableBlocks {

    private static final Cleaner TABLE_CLEANER = new Cleaner(Safelist.none()
            .addTags("table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "strong", "em", "a")
            .addAttributes("th", "colspan", "rowspan")
            .addAttributes("td", "colspan", "rowspan")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "http", "https"));

    private TableBlocks() {}

    /** The cleaned table as a block, or null when nothing readable is left of it. */
    static Block of(Element table, boolean quoted) {
        Element body = new Element("div").appendChild(table.clone());
        Element clean =
                TABLE_CLEANER.clean(Jsoup.parseBodyFragment(body.html())).body();
        Element cleanTable = clean.selectFirst("table");
        if (cleanTable == null) {
            return null;
        }
        for (Element cell : cleanTable.select("th, td, caption")) {
            TextNormalizer.joinWhitespace(cell);
        }
        Block block = new Block(Block.Kind.TABLE, cleanTable, quoted, false, null);
        return block.text().isEmpty() ? null : block;
    }
}
