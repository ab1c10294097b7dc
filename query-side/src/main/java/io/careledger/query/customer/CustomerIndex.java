package io.careledger.query.customer;

import java.io.IOException;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.careledger.query.projection.AggregateDocuments;
import io.careledger.query.projection.IndexFamily;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The customer documents: the index family {@code careledger-customers} (read alias),
 * {@code careledger-customers-write} (write alias), {@code careledger-customers-00000N} (indices), mapped by
 * {@code elasticsearch/customers-mapping.json}. One {@link CustomerDocument} per customer, id = the customer
 * id, external version = the sequence number of the customer's last event folded in.
 */
@Component
public class CustomerIndex extends IndexFamily implements AggregateDocuments<CustomerDocument> {
    public static final String DEFAULT_NAME = "careledger-customers";
    private static final String MAPPING = "/elasticsearch/customers-mapping.json";

    @Autowired
    public CustomerIndex(ElasticsearchClient client) {
        this(client, DEFAULT_NAME);
    }

    /** @param name the read alias; the write alias and the physical indices are named after it */
    public CustomerIndex(ElasticsearchClient client, String name) {
        super(client, name, MAPPING);
    }

    @Override
    public Optional<CustomerDocument> get(String index, String customerId) throws IOException {
        return get(index, customerId, CustomerDocument.class);
    }

    @Override
    public boolean put(String index, CustomerDocument document) throws IOException {
        return putVersioned(index, document.customer().id().value(), document, document.customer().version());
    }

    @Override
    public long version(CustomerDocument document) {
        return document.customer().version();
    }
}
