package io.parley.workspace;

/**
 * How a member appears to customers and how much work they take (seed 004).
 *
 * @param displayName the name customers see; the account's name when {@code null}
 * @param maxConcurrent the most conversations they handle at once
 */
public record AgentProfile(String displayName, String avatarUrl, Availability availability, int maxConcurrent) {

	public static final int DEFAULT_MAX_CONCURRENT = 5;

	public static final int MAX_CONCURRENT_LIMIT = 100;

	static AgentProfile initial() {
		return new AgentProfile(null, null, Availability.OFFLINE, DEFAULT_MAX_CONCURRENT);
	}

	AgentProfile withAvailability(Availability newAvailability) {
		return new AgentProfile(this.displayName, this.avatarUrl, newAvailability, this.maxConcurrent);
	}

}
