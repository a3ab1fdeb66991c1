package org.newswire.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.newswire.article.ArticleSummary;
import org.newswire.article.VersionView;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A Lucene index of the current version of every visible article, held in memory and
 * rebuilt from the database at startup. Writers and searchers may run at the same time:
 * the {@link IndexWriter} and {@link SearcherManager} are thread-safe, and every change
 * is made visible before the call returns, so a search right after a publication finds
 * it.
 */
@Component
class ArticleIndex implements AutoCloseable {

	static final int PAGE_SIZE = 10;

	/** Results are ranked in full for every page, so paging is bounded. */
	static final int MAX_PAGES = 50;

	/** Matches in the headline count this much more than matches in the body. */
	static final float HEADLINE_BOOST = 3f;

	private static final String ID = "id";

	private static final String HEADLINE = "headline";

	private static final String BODY = "body";

	private static final String LABEL = "label";

	private static final String PATH = "path";

	private static final String SECTION = "section";

	private static final String UPDATED = "updated";

	private static final int EXCERPT_SENTENCES = 2;

	private final Analyzer analyzer = new EnglishAnalyzer();

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final UnifiedHighlighter headlineHighlighter;

	private final UnifiedHighlighter bodyHighlighter;

	private final DateTimeFormatter dates;

	ArticleIndex(@Value("${newswire.time-zone}") ZoneId zone) throws IOException {
		this.writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(this.analyzer));
		this.searchers = new SearcherManager(this.writer, null);
		HighlightFormatter formatter = new HighlightFormatter();
		this.headlineHighlighter = UnifiedHighlighter.builderWithoutSearcher(this.analyzer)
			.withBreakIterator(WholeBreakIterator::new)
			.withFormatter(formatter)
			.build();
		this.bodyHighlighter = UnifiedHighlighter.builderWithoutSearcher(this.analyzer)
			.withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.ENGLISH))
			.withFormatter(formatter)
			.build();
		this.dates = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH).withZone(zone);
	}

	/**
	 * Adds the article's current version, replacing whatever version was indexed before.
	 */
	void put(ArticleSummary story) throws IOException {
		this.writer.updateDocument(idTerm(story.id()), document(story));
		this.searchers.maybeRefreshBlocking();
	}

	void putAll(List<ArticleSummary> stories) throws IOException {
		for (ArticleSummary story : stories) {
			this.writer.updateDocument(idTerm(story.id()), document(story));
		}
		this.searchers.maybeRefreshBlocking();
	}

	void remove(long articleId) throws IOException {
		this.writer.deleteDocuments(idTerm(articleId));
		this.searchers.maybeRefreshBlocking();
	}

	/**
	 * Stories matching every word of the reader's query, best first. The query is read by
	 * Lucene's simple query parser, which accepts any text without error: quotes make a
	 * phrase, a trailing {@code *} a prefix, a leading {@code -} excludes a word, and
	 * anything else is searched as words.
	 * @param page from 1 to {@link #MAX_PAGES}
	 * @throws IndexSearcher.TooManyClauses for a query too complex to run
	 */
	SearchResults search(String text, int page) {
		Query query = parse(text);
		try {
			IndexSearcher searcher = this.searchers.acquire();
			try {
				int total = searcher.count(query);
				TopDocs top = searcher.search(query, page * PAGE_SIZE);
				StoredFields stored = searcher.storedFields();
				List<SearchHit> hits = new ArrayList<>();
				for (int i = (page - 1) * PAGE_SIZE; i < top.scoreDocs.length; i++) {
					hits.add(hit(stored.document(top.scoreDocs[i].doc), query));
				}
				int pages = Math.min(MAX_PAGES, (total + PAGE_SIZE - 1) / PAGE_SIZE);
				return new SearchResults(total, page, pages, hits);
			}
			finally {
				this.searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			// Only an in-memory directory is read; this is a programming error.
			throw new UncheckedIOException(ex);
		}
	}

	private Query parse(String text) {
		SimpleQueryParser parser = new SimpleQueryParser(this.analyzer, Map.of(HEADLINE, HEADLINE_BOOST, BODY, 1f));
		parser.setDefaultOperator(BooleanClause.Occur.MUST);
		return parser.parse(text);
	}

	private SearchHit hit(Document document, Query query) throws IOException {
		Instant updated = Instant.ofEpochMilli(document.getField(UPDATED).numericValue().longValue());
		return new SearchHit(document.get(PATH), document.get(LABEL),
				highlight(this.headlineHighlighter, HEADLINE, document.get(HEADLINE), query, 1),
				highlight(this.bodyHighlighter, BODY, document.get(BODY), query, EXCERPT_SENTENCES),
				document.get(SECTION), updated.truncatedTo(ChronoUnit.SECONDS).toString(), this.dates.format(updated));
	}

	@SuppressWarnings("unchecked")
	private static List<Highlight> highlight(UnifiedHighlighter highlighter, String field, String text, Query query,
			int passages) throws IOException {
		Object runs = highlighter.highlightWithoutSearcher(field, query, text, passages);
		return (runs instanceof List<?> list && !list.isEmpty()) ? (List<Highlight>) list
				: List.of(Highlight.plain(text));
	}

	private static Document document(ArticleSummary story) {
		VersionView current = story.current();
		Document document = new Document();
		document.add(new StringField(ID, Long.toString(story.id()), Field.Store.NO));
		document.add(new TextField(HEADLINE, current.headline(), Field.Store.YES));
		document.add(new TextField(BODY, String.join("\n\n", current.paragraphs()), Field.Store.YES));
		if (current.label() != null) {
			document.add(new StoredField(LABEL, current.label()));
		}
		document.add(new StoredField(PATH, story.path()));
		document.add(new StoredField(SECTION, story.section().name()));
		document.add(new StoredField(UPDATED, current.publishedAt().toEpochMilli()));
		return document;
	}

	private static Term idTerm(long articleId) {
		return new Term(ID, Long.toString(articleId));
	}

	@Override
	public void close() throws IOException {
		this.searchers.close();
		this.writer.close();
		this.analyzer.close();
	}

}
