package org.lrplayground.classroom;

import java.sql.DriverManager;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The classroom's settings, its retention job's scheduler, and class events in process or over PostgreSQL. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ClassroomProperties.class)
class ClassroomConfiguration {

    @Bean
    @Profile("!postgres")
    ClassEvents inProcessClassEvents() {
        return new LocalClassEvents();
    }

    /** The listening connection is opened with the pool's settings, but outside the pool, which would recycle it. */
    @Bean(initMethod = "start", destroyMethod = "close")
    @Profile("postgres")
    PostgresClassEvents postgresClassEvents(DataSource dataSource, @Value("${spring.datasource.url}") String url,
                                            @Value("${spring.datasource.username:}") String user,
                                            @Value("${spring.datasource.password:}") String password) {
        return new PostgresClassEvents(dataSource, () -> DriverManager.getConnection(url, user, password));
    }
}
