package io.parley.realtime;

import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.parley.conversation.MessageLog.Sender;
import io.parley.identity.UserId;
import io.parley.support.Barriers;
import io.parley.workspace.Caller;
import io.parley.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry the membership notifier closes sockets from never loses a socket to a
 * concurrent close of the member's last other one.
 */
class ConnectionRegistryTests {

	private static final int RACES = 20_000;

	@Test
	void aSocketOpenedWhileTheMembersLastOtherOneClosesIsKept() throws Exception {
		Caller caller = new Caller(UserId.random(), WorkspaceId.random(), "agent", Set.of());
		Sender sender = new Sender(caller, "Rahul", null);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int race = 0; race < RACES; race++) {
				ConnectionRegistry registry = new ConnectionRegistry();
				Connection closing = new Connection("closing", new SocketPrincipal.SignedIn(sender), 1024,
						(connection) -> null);
				Connection opening = new Connection("opening", new SocketPrincipal.SignedIn(sender), 1024,
						(connection) -> null);
				registry.add(closing);
				CyclicBarrier start = new CyclicBarrier(2);

				Future<Boolean> closed = threads.submit(() -> {
					Barriers.await(start);
					return registry.remove(closing);
				});
				Future<?> opened = threads.submit(() -> {
					Barriers.await(start);
					registry.add(opening);
				});
				closed.get();
				opened.get();

				assertThat(registry.ofMember(caller.workspaceId(), caller.userId())).as("race %d", race)
					.containsExactly(opening);
				assertThat(registry.inWorkspace(caller.workspaceId())).as("race %d", race).containsExactly(opening);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

}
