package io.careledger.service.graphql.limits;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.validation.ValidationError;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The graphql-java instrumentations that enforce depth, complexity and alias limits, each with a typed refusal. */
public final class LimitInstrumentations {
    private LimitInstrumentations() {
    }

    public static MaxQueryDepthInstrumentation depth(int max) {
        return new MaxQueryDepthInstrumentation(max) {
            @Override
            protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
                return new LimitExceeded(LimitExceeded.TOO_DEEP,
                        "The query is nested " + depth + " levels deep; at most " + maxDepth + " are allowed", maxDepth, depth);
            }
        };
    }

    public static MaxQueryComplexityInstrumentation complexity(int max) {
        return new MaxQueryComplexityInstrumentation(max, pagedComplexity()) {
            @Override
            protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
                return new LimitExceeded(LimitExceeded.TOO_COMPLEX, "The query would return up to " + complexity
                        + " fields; at most " + maxComplexity + " are allowed (ask for fewer fields or smaller pages)",
                        maxComplexity, complexity);
            }
        };
    }

    /**
     * Every list's hard page maximum. A larger {@code first} is counted as this many, so that it is refused by the
     * list itself, as a {@code BAD_REQUEST} naming {@code first}, which says more than "too complex".
     */
    static final int LARGEST_PAGE = 100;

    /** A field costs 1; a paged field (with {@code first}) costs its selection once per item of the page. */
    static FieldComplexityCalculator pagedComplexity() {
        return (environment, childComplexity) -> {
            Object first = environment.getArguments().get("first");
            int items = first instanceof Number number ? Math.max(1, Math.min(number.intValue(), LARGEST_PAGE)) : 1;
            long cost = 1L + (long) items * childComplexity;
            return (int) Math.min(Integer.MAX_VALUE, cost);
        };
    }

    /** Counts aliased fields in the document before validation, so a thousand aliases are refused unvalidated. */
    public static SimplePerformantInstrumentation aliases(int max) {
        return new SimplePerformantInstrumentation() {
            @Override
            public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                                                                                 InstrumentationState state) {
                int aliases = countAliases(parameters.getDocument());
                if (aliases > max) {
                    throw new LimitExceeded(LimitExceeded.TOO_MANY_ALIASES,
                            "The document has " + aliases + " aliases; at most " + max + " are allowed", max, aliases);
                }
                return super.beginValidation(parameters, state);
            }
        };
    }

    static int countAliases(Node<?> document) {
        AtomicInteger aliases = new AtomicInteger();
        new NodeTraverser().preOrder(new NodeVisitorStub() {
            @Override
            public TraversalControl visitField(Field field, TraverserContext<Node> context) {
                if (field.getAlias() != null) {
                    aliases.incrementAndGet();
                }
                return TraversalControl.CONTINUE;
            }
        }, document);
        return aliases.get();
    }
}
