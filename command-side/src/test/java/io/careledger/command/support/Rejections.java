package io.careledger.command.support;

import io.careledger.api.error.CommandRejectedException;
import io.careledger.api.error.ErrorCode;
import java.util.Objects;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches the rejection the edge will show a client: its stable code and the field it blames. */
public final class Rejections {

    private Rejections() {
    }

    /** {@code field} null means the rejection must concern the case as a whole, not an input field. */
    public static Matcher<Throwable> rejectedWith(ErrorCode code, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable thrown) {
                return thrown instanceof CommandRejectedException rejection
                        && rejection.code() == code
                        && Objects.equals(rejection.field(), field);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("CommandRejectedException with code ").appendValue(code)
                        .appendText(" and field ").appendValue(field);
            }

            @Override
            protected void describeMismatchSafely(Throwable thrown, Description description) {
                if (thrown instanceof CommandRejectedException rejection) {
                    description.appendText("code ").appendValue(rejection.code())
                            .appendText(", field ").appendValue(rejection.field())
                            .appendText(", message ").appendValue(rejection.getMessage());
                } else {
                    description.appendText("was ").appendValue(thrown);
                }
            }
        };
    }
}
