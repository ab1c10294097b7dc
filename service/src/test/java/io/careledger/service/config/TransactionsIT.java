package io.careledger.service.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.careledger.service.support.ServiceTest;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Axon's units of work run in real database transactions, not Axon's no-op fallback. */
@ServiceTest
class TransactionsIT {
    @Autowired
    TransactionManager transactions;

    @Test
    void axonWorkRunsInASpringTransaction() {
        assertThat(transactions).isInstanceOf(SpringTransactionManager.class);
        boolean active = transactions.fetchInTransaction(TransactionSynchronizationManager::isActualTransactionActive);
        assertThat(active).isTrue();
    }
}
