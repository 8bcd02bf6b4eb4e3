package fr.vigie.server;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The database going away, for tests: once armed, the first statement that inserts into {@code
 * table} takes the database down (every connection and statement fails) until {@link #up()}.
 */
public final class Outage {

    private static volatile String armedOn;
    private static volatile boolean down;
    private static volatile CountDownLatch fell = new CountDownLatch(1);

    private Outage() {}

    /** The next insert into {@code table} takes the database down. */
    public static void armOn(String table) {
        fell = new CountDownLatch(1);
        armedOn = "insert into " + table;
    }

    public static boolean awaitDown(long seconds) throws InterruptedException {
        return fell.await(seconds, TimeUnit.SECONDS);
    }

    public static void up() {
        armedOn = null;
        down = false;
    }

    static SQLException refused() {
        return new SQLTransientConnectionException("the database is down (test)");
    }

    /** Wraps the server's DataSource. */
    @TestConfiguration
    public static class Config {
        @Bean
        static BeanPostProcessor outageOnTheDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource source && !(bean instanceof Failing)
                            ? new Failing(source)
                            : bean;
                }
            };
        }
    }

    static final class Failing extends DelegatingDataSource {
        Failing(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw refused();
            }
            Connection connection = super.getConnection();
            InvocationHandler handler =
                    (proxy, method, args) -> {
                        if (down
                                && !method.getName().equals("close")
                                && !method.getName().equals("rollback")) {
                            throw refused();
                        }
                        if (method.getName().startsWith("prepare")
                                && args != null
                                && args[0] instanceof String sql
                                && armedOn != null
                                && sql.toLowerCase(java.util.Locale.ROOT).startsWith(armedOn)) {
                            down = true;
                            fell.countDown();
                            throw refused();
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    };
            return (Connection)
                    Proxy.newProxyInstance(
                            Connection.class.getClassLoader(),
                            new Class<?>[] {Connection.class},
                            handler);
        }
    }
}
