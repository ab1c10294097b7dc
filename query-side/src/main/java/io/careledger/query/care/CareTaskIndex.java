package io.careledger.query.care;

import java.io.IOException;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.careledger.api.care.CareTaskView;
import io.careledger.query.projection.AggregateDocuments;
import io.careledger.query.projection.IndexFamily;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The care-task documents: the index family {@code careledger-care-tasks} (read alias),
 * {@code careledger-care-tasks-write} (write alias), {@code careledger-care-tasks-00000N} (indices), mapped
 * by {@code elasticsearch/care-tasks-mapping.json}. One whole {@link CareTaskView} per task, id = the task id,
 * external version = the sequence number of the task's last event folded in.
 */
@Component
public class CareTaskIndex extends IndexFamily implements AggregateDocuments<CareTaskView> {
    public static final String DEFAULT_NAME = "careledger-care-tasks";
    private static final String MAPPING = "/elasticsearch/care-tasks-mapping.json";

    @Autowired
    public CareTaskIndex(ElasticsearchClient client) {
        this(client, DEFAULT_NAME);
    }

    /** @param name the read alias; the write alias and the physical indices are named after it */
    public CareTaskIndex(ElasticsearchClient client, String name) {
        super(client, name, MAPPING);
    }

    @Override
    public Optional<CareTaskView> get(String index, String careTaskId) throws IOException {
        return get(index, careTaskId, CareTaskView.class);
    }

    @Override
    public boolean put(String index, CareTaskView task) throws IOException {
        return putVersioned(index, task.id().value(), task, task.version());
    }

    @Override
    public long version(CareTaskView task) {
        return task.version();
    }
}
