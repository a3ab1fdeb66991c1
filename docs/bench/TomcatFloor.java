import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * The most any servlet page can reach on this machine: the Tomcat that Newswire embeds,
 * with Newswire's connector settings, answering every GET with the same bytes from memory
 * and nothing else (no filter, no Spring, no cache lookup). bench.sh measures it beside
 * nginx and Newswire, so the share of nginx a cached page reaches can be read against the
 * share the servlet container itself reaches.
 *
 * <pre>java -cp tomcat-embed-core.jar docs/bench/TomcatFloor.java PORT FILE</pre>
 */
public class TomcatFloor {

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		byte[] body = Files.readAllBytes(Path.of(args[1]));
		Tomcat tomcat = new Tomcat();
		tomcat.setBaseDir(Files.createTempDirectory("tomcat-floor").toString());
		Connector connector = new Connector();
		connector.setPort(port);
		connector.setProperty("address", "127.0.0.1");
		// As in application.properties and PageCacheConfig.
		connector.setProperty("maxKeepAliveRequests", "10000");
		connector.setProperty("socket.appWriteBufSize", "32768");
		tomcat.setConnector(connector);
		Context context = tomcat.addContext("", null);
		Tomcat.addServlet(context, "bytes", new HttpServlet() {

			@Override
			protected void doGet(HttpServletRequest request, HttpServletResponse response)
					throws java.io.IOException {
				response.setContentType("text/html;charset=UTF-8");
				response.setContentLength(body.length);
				response.getOutputStream().write(body);
			}

		});
		context.addServletMappingDecoded("/", "bytes");
		tomcat.start();
		tomcat.getServer().await();
	}

}
