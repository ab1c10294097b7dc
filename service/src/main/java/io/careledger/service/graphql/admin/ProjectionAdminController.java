package io.careledger.service.graphql.admin;

import io.careledger.query.projection.ProjectionName;
import io.careledger.query.projection.ProjectionRebuilder;
import io.careledger.query.projection.RebuildProgress;
import io.careledger.service.security.Access;
import java.io.IOException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Operating the read models: start a rebuild and watch it progress (it also logs its progress). */
@Controller
public class ProjectionAdminController {
    private final ProjectionRebuilder rebuilder;

    ProjectionAdminController(ProjectionRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @MutationMapping
    @PreAuthorize(Access.ADMIN)
    public RebuildProgress rebuildProjection(@Argument ProjectionName projection) throws IOException {
        rebuilder.start(projection);
        return rebuilder.progress(projection);
    }

    @QueryMapping
    @PreAuthorize(Access.ADMIN)
    public RebuildProgress projectionRebuild(@Argument ProjectionName projection) {
        return rebuilder.progress(projection);
    }

    /** The case projection's own names, kept for the clients that already use them. */
    @MutationMapping
    @PreAuthorize(Access.ADMIN)
    public RebuildProgress rebuildCaseProjection() throws IOException {
        return rebuildProjection(ProjectionName.CASES);
    }

    @QueryMapping
    @PreAuthorize(Access.ADMIN)
    public RebuildProgress caseProjectionRebuild() {
        return projectionRebuild(ProjectionName.CASES);
    }
}
