package org.newswire.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.text.BreakIterator;
import java.time.Instant;
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
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.newswire.NewswireProperties;
import org.newswire.PortalDates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A Lucene index of the current version of every visible article, kept on this node's
 * disk so a start does not read the archive again. Each commit carries the id of the last
 * change-record entry applied ({@link #appliedChange()}), from which the next start
 * catches up. Writers and searchers may run at the same time: the {@link IndexWriter} and
 * {@link SearcherManager} are thread-safe, and every change is made visible before the
 * call returns, so a search right after a publication finds it.
 */
@Component
class ArticleIndex implements AutoCloseable {

	static final int PAGE_SIZE = 10;

	/** Results are ranked in full for every page, so paging is bounded. */
	static final int MAX_PAGES = 50;

	/** Matches in the headline count this much more than matches in the body. */
	static final float HEADLINE_BOOST = 3f;

	/**
	 * Memory for documents not yet flushed to disk; a build from the database fills it.
	 */
	private static final double RAM_BUFFER_MB = 32;

	private static final String ID = "id";

	private static final String HEADLINE = "headline";

	private static final String BODY = "body";

	private static final String LABEL = "label";

	private static final String PATH = "path";

	private static final String SECTION = "section";

	private static final String UPDATED = "updated";

	private static final int EXCERPT_SENTENCES = 2;

	/** Commit user data: the id of the last change-record entry the commit reflects. */
	private static final String APPLIED_CHANGE = "newswire.applied-change";

	private static final Logger logger = LoggerFactory.getLogger(ArticleIndex.class);

	private final Analyzer analyzer = new EnglishAnalyzer();

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final UnifiedHighlighter headlineHighlighter;

	private final UnifiedHighlighter bodyHighlighter;

	private final PortalDates dates;

	@Autowired
	ArticleIndex(NewswireProperties properties, PortalDates dates) throws IOException {
		this(FSDirectory.open(Files.createDirectories(properties.search().directory())), dates);
		logger.info("Search index at {}: {} stories, change record applied up to {}",
				properties.search().directory().toAbsolutePath().normalize(), size(), appliedChange());
	}

	ArticleIndex(Directory directory, PortalDates dates) throws IOException {
		this.writer = open(directory, this.analyzer);
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
		this.dates = dates;
	}

	/**
	 * Opens the index in the directory, or starts an empty one there when there is none
	 * or it cannot be read; an empty index carries no applied change, which tells the
	 * updater to build it from the database.
	 */
	private static IndexWriter open(Directory directory, Analyzer analyzer) throws IOException {
		try {
			if (DirectoryReader.indexExists(directory)) {
				IndexWriter writer = new IndexWriter(directory, config(analyzer, OpenMode.APPEND));
				try (DirectoryReader check = DirectoryReader.open(writer)) {
					return writer;
				}
				catch (IOException | RuntimeException ex) {
					writer.rollback();
					throw ex;
				}
			}
		}
		catch (LockObtainFailedException ex) {
			throw new IllegalStateException("The search index in " + directory
					+ " is held by another process; each node needs a directory of its own", ex);
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Search index in {} cannot be read, starting an empty one: {}", directory, ex.toString());
			// Even creating a new index reads the old commit point; it is of no use now.
			for (String file : directory.listAll()) {
				if (!IndexWriter.WRITE_LOCK_NAME.equals(file)) {
					directory.deleteFile(file);
				}
			}
		}
		return new IndexWriter(directory, config(analyzer, OpenMode.CREATE));
	}

	private static IndexWriterConfig config(Analyzer analyzer, OpenMode mode) {
		return new IndexWriterConfig(analyzer).setOpenMode(mode).setRAMBufferSizeMB(RAM_BUFFER_MB);
	}

	/**
	 * Adds the stories' current versions, replacing whatever versions were indexed
	 * before; searches see them after {@link #refresh()}.
	 */
	void putAll(List<IndexedStory> stories) throws IOException {
		for (IndexedStory story : stories) {
			this.writer.updateDocument(idTerm(story.id()), document(story));
		}
	}

	void refresh() throws IOException {
		this.searchers.maybeRefreshBlocking();
	}

	/**
	 * Empties the index before a build from the database; until the next
	 * {@link #applied(long)} and commit it claims no applied change.
	 */
	void clear() throws IOException {
		this.writer.deleteAll();
		this.writer.setLiveCommitData(Map.<String, String>of().entrySet());
	}

	/**
	 * The id of the last change-record entry the index reflects, or -1 when it has never
	 * been built completely.
	 */
	long appliedChange() {
		Iterable<Map.Entry<String, String>> data = this.writer.getLiveCommitData();
		if (data != null) {
			for (Map.Entry<String, String> entry : data) {
				if (APPLIED_CHANGE.equals(entry.getKey())) {
					return Long.parseLong(entry.getValue());
				}
			}
		}
		return -1;
	}

	/**
	 * Records that the index reflects every change up to the given id; the next
	 * {@link #commit()} (or closing) makes that durable.
	 */
	void applied(long changeId) {
		this.writer.setLiveCommitData(Map.of(APPLIED_CHANGE, Long.toString(changeId)).entrySet());
	}

	void commit() throws IOException {
		this.writer.commit();
	}

	/**
	 * How many stories the index holds, as searches see it.
	 */
	int size() throws IOException {
		IndexSearcher searcher = this.searchers.acquire();
		try {
			return searcher.getIndexReader().numDocs();
		}
		finally {
			this.searchers.release(searcher);
		}
	}

	/**
	 * Removes a story; searches miss it after {@link #refresh()}.
	 */
	void remove(long articleId) throws IOException {
		this.writer.deleteDocuments(idTerm(articleId));
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
			// The index files are this node's own; failing to read them is not the
			// reader's fault.
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
				document.get(SECTION), updated.truncatedTo(ChronoUnit.SECONDS).toString(),
				this.dates.shortDate(updated));
	}

	@SuppressWarnings("unchecked")
	private static List<Highlight> highlight(UnifiedHighlighter highlighter, String field, String text, Query query,
			int passages) throws IOException {
		Object runs = highlighter.highlightWithoutSearcher(field, query, text, passages);
		return (runs instanceof List<?> list && !list.isEmpty()) ? (List<Highlight>) list
				: List.of(Highlight.plain(text));
	}

	private static Document document(IndexedStory story) {
		Document document = new Document();
		document.add(new StringField(ID, Long.toString(story.id()), Field.Store.NO));
		document.add(new TextField(HEADLINE, story.headline(), Field.Store.YES));
		document.add(new TextField(BODY, story.body(), Field.Store.YES));
		if (story.label() != null) {
			document.add(new StoredField(LABEL, story.label()));
		}
		document.add(new StoredField(PATH, story.path()));
		document.add(new StoredField(SECTION, story.sectionName()));
		document.add(new StoredField(UPDATED, story.updated().toEpochMilli()));
		return document;
	}

	private static Term idTerm(long articleId) {
		return new Term(ID, Long.toString(articleId));
	}

	@Override
	public void close() throws IOException {
		// Closing commits what was applied since the last commit, with its change id.
		this.searchers.close();
		this.writer.close();
		this.writer.getDirectory().close();
		this.analyzer.close();
	}

}
