/**
 * How the support team performs: seed 003's analytics per supervisor
 * ({@link io.parley.analytics.TeamAnalytics}), and the reports over a range of the
 * workspace's local days ({@link io.parley.analytics.Reports}; every number is defined in
 * docs/reports.md).
 */
package io.parley.analytics;
