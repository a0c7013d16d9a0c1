/**
 * How the support team performs: seed 003's analytics per supervisor.
 */
package io.parley.analytics;
