package io.careledger.service.graphql.admin;

import io.careledger.query.cases.CaseProjectionRebuilder;
import io.careledger.query.cases.RebuildProgress;
import io.careledger.service.security.Access;
import java.io.IOException;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Operating the case read model: start a rebuild and watch it progress (it also logs its progress). */
@Controller
public class ProjectionAdminController {
    private final CaseProjectionRebuilder rebuilder;

    ProjectionAdminController(CaseProjectionRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @MutationMapping
    @PreAuthorize(Access.ADMIN)
    public RebuildProgress rebuildCaseProjection() throws IOException {
        rebuilder.rebuild();
        return rebuilder.status();
    }

    @QueryMapping
    @PreAuthorize(Access.ADMIN)
    public RebuildProgress caseProjectionRebuild() {
        return rebuilder.status();
    }
}
