/**
 * The starter's machinery: property translation, webhook URLs and controllers. Not API; may change in any
 * release.
 */
package dev.videogen4j.spring.internal;
