/**
 * The agent dashboard under {@code /app} (issue 12): server-rendered pages and htmx
 * fragments on a browser session of its own
 * ({@link io.parley.dashboard.DashboardSession}, decision 77), built on the other
 * modules' use cases; live updates come over the same socket and resume protocol as every
 * other client.
 */
@org.jspecify.annotations.NullMarked
package io.parley.dashboard;
