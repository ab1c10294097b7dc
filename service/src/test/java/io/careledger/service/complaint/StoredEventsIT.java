package io.careledger.service.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import io.careledger.service.graphql.Mutations;
import io.careledger.service.support.Cases;
import io.careledger.service.support.ServiceTest;
import io.careledger.service.support.Staff;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** What actually lands in the event table: stable type names, revisions, JSON payloads and full metadata. */
@ServiceTest
class StoredEventsIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eventsAreStoredUnderStableNamesWithWhoDidItAndWhy() {
        var agent = new Staff(port).agent();
        String store = Cases.newStore();
        String customer = Cases.registerCustomer(agent, store);
        String complaint = Cases.fileComplaint(agent, customer, store, "FOOD_SAFETY", "食品中发现异物");

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT payloadType, payloadRevision, payload, metaData "
                + "FROM DomainEventEntry WHERE aggregateIdentifier IN (?, ?) ORDER BY globalIndex", customer, complaint);
        assertThat(rows).extracting(r -> r.get("PAYLOADTYPE")).containsExactly("customer.registered", "complaint.filed");
        assertThat(rows).extracting(r -> r.get("PAYLOADREVISION")).containsExactly("1", "1");
        String payload = new String((byte[]) rows.get(1).get("PAYLOAD"), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"complaintId\":\"" + complaint + "\"", "\"customerId\":\"" + customer + "\"",
                "\"severity\":\"LEVEL_3\"", "\"severityPolicyVersion\"");
        String metaData = new String((byte[]) rows.get(1).get("METADATA"), StandardCharsets.UTF_8);
        assertThat(metaData).contains("\"actor\":\"agent\"", "\"channel\":\"API\"", "\"correlationId\"", "\"causationId\"");
    }

    @Test
    void theFrontEndThatSentTheRequestIsRecordedAsTheChannel() {
        var kiosk = new Staff(port).agent().mutate().header(Mutations.CHANNEL_HEADER, "SELF_SERVICE_KIOSK").build();
        String store = Cases.newStore();
        String customer = Cases.registerCustomer(kiosk, store);

        String metaData = jdbc.queryForObject("SELECT metaData FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                (row, n) -> new String(row.getBytes(1), StandardCharsets.UTF_8), customer);
        assertThat(metaData).contains("\"channel\":\"SELF_SERVICE_KIOSK\"");
    }
}
