import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

/**
 * Commits per second on an H2 file database, each commit one 2 KB row (about a writethru),
 * with the URL options given: what WRITE_DELAY=0 costs the database alone.
 *   java -cp h2-*.jar docs/bench/H2CommitRate.java ";WRITE_DELAY=0" 10
 */
public class H2CommitRate {

	public static void main(String[] args) throws Exception {
		String options = args.length > 0 ? args[0] : "";
		int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
		Path dir = Files.createTempDirectory("h2-commit-rate");
		String body = "x".repeat(2000);
		try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dir + "/bench" + options, "sa", "")) {
			db.createStatement().execute("create table t (id bigint primary key, body varchar(4000))");
			try (PreparedStatement insert = db.prepareStatement("insert into t values (?, ?)")) {
				long end = System.nanoTime() + seconds * 1_000_000_000L;
				long n = 0;
				while (System.nanoTime() < end) {
					insert.setLong(1, ++n);
					insert.setString(2, body);
					insert.executeUpdate();
				}
				System.out.printf("%s: %d commits in %d s: %.0f/s%n", options.isEmpty() ? "(default)" : options, n,
						seconds, n / (double) seconds);
			}
		}
	}

}
