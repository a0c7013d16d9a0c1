package io.parley;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.parley.workspace.AnyCaller;
import io.parley.workspace.Caller;
import io.parley.workspace.Permission;
import org.junit.jupiter.api.Test;

import org.springframework.stereotype.Service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Use cases that act for a caller check the caller's permission themselves, so a new
 * adapter (a page, a bot, a mail handler) cannot skip it by calling them (decision 49). A
 * use case is a public method of a {@link Service} taking a {@link Caller}; it checks
 * when it, or a method it calls of its own class or taking the caller, asks the caller
 * ({@code require}, {@code requireMayGrant}, {@code can}, {@code mayGrant}) or the
 * conversation rules ({@code ConversationAccess}); one that every caller may run says so
 * with {@link AnyCaller}.
 */
class UseCasePermissionTests {

	static final JavaClasses PARLEY = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.parley");

	static final Set<String> CHECKS = Set.of("require", "requireMayGrant", "can", "mayGrant");

	@Test
	void useCasesActingForACallerCheckItsPermission() {
		useCasesCheckTheirCaller().check(PARLEY);
	}

	@Test
	void theRuleFindsAUseCaseThatChecksNothing() {
		JavaClasses examples = new ClassFileImporter().importClasses(Unchecked.class, Checked.class, Delegating.class);

		assertThatThrownBy(() -> useCasesCheckTheirCaller().check(examples)).hasMessageContaining("(1 times)")
			.hasMessageContaining(Unchecked.class.getName() + ".act(");
	}

	private static ArchRule useCasesCheckTheirCaller() {
		return methods().that()
			.arePublic()
			.and()
			.areDeclaredInClassesThat()
			.areAnnotatedWith(Service.class)
			.and()
			.haveRawParameterTypes(takingACaller())
			.should(checkThePermissionOfTheCaller());
	}

	private static DescribedPredicate<List<JavaClass>> takingACaller() {
		return DescribedPredicate.describe("a Caller",
				(types) -> types.stream().anyMatch((type) -> type.isEquivalentTo(Caller.class)));
	}

	private static ArchCondition<JavaMethod> checkThePermissionOfTheCaller() {
		return new ArchCondition<>("check the caller's permission, or be @AnyCaller") {
			@Override
			public void check(JavaMethod method, ConditionEvents events) {
				boolean satisfied = method.isAnnotatedWith(AnyCaller.class) || checks(method, new HashSet<>());
				events.add(new SimpleConditionEvent(method, satisfied,
						method.getFullName() + " checks no permission of its caller and is not @AnyCaller"));
			}
		};
	}

	/** A call that hands the caller on, to a rule or another use case that may check. */
	private static boolean takesACaller(JavaMethodCall call) {
		return call.getTargetOwner().getPackageName().startsWith("io.parley") && call.getTarget()
			.getRawParameterTypes()
			.stream()
			.anyMatch((type) -> type.isEquivalentTo(Caller.class));
	}

	private static boolean checks(JavaCodeUnit unit, Set<JavaCodeUnit> seen) {
		if (!seen.add(unit)) {
			return false;
		}
		for (JavaMethodCall call : unit.getMethodCallsFromSelf()) {
			JavaClass owner = call.getTargetOwner();
			if (owner.isEquivalentTo(Caller.class) && CHECKS.contains(call.getName())) {
				return true;
			}
			if (owner.getName().equals("io.parley.conversation.ConversationAccess")) {
				return true;
			}
			if (owner.equals(unit.getOwner()) || takesACaller(call)) {
				boolean delegated = call.getTarget()
					.resolveMember()
					.map((target) -> checks(target, seen))
					.orElse(false);
				if (delegated) {
					return true;
				}
			}
		}
		return false;
	}

	@Service
	static class Unchecked {

		public String act(Caller caller) {
			return caller.workspaceId().toString();
		}

	}

	@Service
	static class Checked {

		public void act(Caller caller) {
			caller.require(Permission.MANAGE_CONTACTS);
		}

		@AnyCaller("an example")
		public void own(Caller caller) {
		}

	}

	@Service
	static class Delegating {

		public void act(Caller caller) {
			check(caller);
		}

		private void check(Caller caller) {
			caller.require(Permission.MANAGE_CONTACTS);
		}

	}

}
