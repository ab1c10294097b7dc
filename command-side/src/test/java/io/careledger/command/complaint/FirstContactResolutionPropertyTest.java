package io.careledger.command.complaint;

import static io.careledger.api.complaint.ComplaintCategory.PRICE_DISPUTE;
import static io.careledger.command.complaint.ComplaintTestData.CLERK;
import static io.careledger.command.complaint.ComplaintTestData.ID;
import static io.careledger.command.complaint.ComplaintTestData.T0;
import static io.careledger.command.complaint.ComplaintTestData.accept;
import static io.careledger.command.complaint.ComplaintTestData.acknowledge;
import static io.careledger.command.complaint.ComplaintTestData.close;
import static io.careledger.command.complaint.ComplaintTestData.contact;
import static io.careledger.command.complaint.ComplaintTestData.escalate;
import static io.careledger.command.complaint.ComplaintTestData.file;
import static io.careledger.command.complaint.ComplaintTestData.propose;
import static io.careledger.command.complaint.ComplaintTestData.reject;
import static io.careledger.command.complaint.ComplaintTestData.reopen;

import io.careledger.api.complaint.ComplaintResolved;
import io.careledger.api.complaint.ContactKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Drives whole cases through the aggregate: whatever legal path a case takes before its resolution is
 * accepted, it counts as resolved at first contact exactly when no step on the way disqualifies it.
 */
class FirstContactResolutionPropertyTest {

    /** A handling step between acknowledgement and the final, accepted proposal. */
    enum Step {
        LISTEN(false, contact(ContactKind.LISTEN)),
        EXPLAIN(false, contact(ContactKind.EXPLAIN)),
        TRANSFER(true, contact(ContactKind.TRANSFER)),
        ESCALATE(true, escalate()),
        REJECTED_PROPOSAL(true, propose(), reject()),
        REOPENED_AFTER_CLOSING(true, propose(), accept(), close(), reopen());

        final boolean disqualifies;
        final List<Object> commands;

        Step(boolean disqualifies, Object... commands) {
            this.disqualifies = disqualifies;
            this.commands = List.of(commands);
        }
    }

    @Property(tries = 200)
    void resolvedAtFirstContactExactlyWhenNoStepDisqualifies(@ForAll("handlingPaths") List<Step> path) {
        List<Object> commands = new ArrayList<>(List.of(file(PRICE_DISPUTE), acknowledge()));
        path.forEach(step -> commands.addAll(step.commands));
        commands.add(propose());
        boolean expected = path.stream().noneMatch(step -> step.disqualifies);

        ComplaintTestData.newFixture().givenCurrentTime(T0).andGivenCommands(commands)
                .when(accept())
                .expectEvents(new ComplaintResolved(ID, accept().note(), expected, T0, CLERK, T0));
    }

    /** Paths of up to eight steps; at most two escalations, as a level-1 case has only two levels above it. */
    @Provide
    Arbitrary<List<Step>> handlingPaths() {
        return Arbitraries.of(Step.class).list().ofMaxSize(8)
                .filter(path -> Collections.frequency(path, Step.ESCALATE) <= 2);
    }
}
