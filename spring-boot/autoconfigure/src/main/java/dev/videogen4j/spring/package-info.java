/**
 * Spring Boot auto-configuration for videogen4j: a {@link dev.videogen4j.VideoClient} bean from
 * {@code videogen4j.*} properties, webhook endpoints, Actuator health per provider and Micrometer observations.
 */
package dev.videogen4j.spring;
