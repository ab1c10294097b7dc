package io.careledger.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Scans all of {@code io.careledger}: the command side, the query side and this module's wiring. */
@SpringBootApplication(scanBasePackages = "io.careledger")
public class CareLedgerApplication {

    public static void main(String[] args) {
        SpringApplication.run(CareLedgerApplication.class, args);
    }
}
