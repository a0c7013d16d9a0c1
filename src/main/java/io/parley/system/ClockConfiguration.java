package io.parley.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one source of domain time: when a thing was created, seen, changed or expires. Use
 * cases take it through {@link Timestamps#now(Clock)}; tests replace it with one they can
 * move forward. Technical timeouts (how long a writer or a socket waits) measure
 * {@link System#nanoTime()} instead, so moving this clock never makes a wait run out.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
