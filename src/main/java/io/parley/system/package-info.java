/**
 * Cross-cutting plumbing every feature uses: the response envelope, the catalogue of
 * error texts, the data folder and the database connection.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.parley.system;
