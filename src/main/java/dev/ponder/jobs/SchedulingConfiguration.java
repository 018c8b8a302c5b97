package dev.ponder.jobs;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on Ponder's background jobs (purging deleted conversations, refreshing model
 * lists, forgetting old failed log-ins and expired sessions).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

}
