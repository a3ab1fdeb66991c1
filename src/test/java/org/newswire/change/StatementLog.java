package org.newswire.change;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The SQL statements one thread sends through the application's data source while it runs
 * a command, to show what the command costs the database. Every statement counts once,
 * whoever sends it (JPA or JDBC); the follower's reads, on its own thread, do not.
 */
class StatementLog implements BeanPostProcessor {

	private final ThreadLocal<List<String>> log = new ThreadLocal<>();

	List<String> during(Runnable command) {
		List<String> statements = new ArrayList<>();
		this.log.set(statements);
		try {
			command.run();
		}
		finally {
			this.log.remove();
		}
		return statements;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		return (bean instanceof DataSource dataSource) ? new Logging(dataSource) : bean;
	}

	private void sent(String sql) {
		List<String> statements = this.log.get();
		if (statements != null) {
			statements.add(sql);
		}
	}

	private static <T> T proxy(Class<T> type, InvocationHandler handler) {
		return type.cast(Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] { type }, handler));
	}

	private Connection logging(Connection connection) {
		return proxy(Connection.class, (proxy, method, args) -> {
			Object result = invoke(connection, method, args);
			if (method.getName().startsWith("prepare")) {
				sent((String) args[0]);
			}
			if (result instanceof Statement statement && method.getName().equals("createStatement")) {
				return logging(statement);
			}
			return result;
		});
	}

	private Statement logging(Statement statement) {
		return proxy(Statement.class, (proxy, method, args) -> {
			if (method.getName().startsWith("execute") && args != null && args.length > 0
					&& args[0] instanceof String sql) {
				sent(sql);
			}
			return invoke(statement, method, args);
		});
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	private final class Logging extends DelegatingDataSource {

		Logging(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return logging(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return logging(super.getConnection(username, password));
		}

	}

}
