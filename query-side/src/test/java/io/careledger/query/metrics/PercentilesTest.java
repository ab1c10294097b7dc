package io.careledger.query.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PercentilesTest {

    /** counts: "minute:count" pairs. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                          | 90 | ",
            "5:1                         | 90 | 5",
            "1:1 2:1 3:1 4:1 5:1 6:1 7:1 8:1 9:1 10:1 | 90 | 9",
            "1:1 2:1 3:1 4:1 5:1 6:1 7:1 8:1 9:1 10:1 11:1 | 90 | 10",
            "0:9 60:1                    | 90 | 0",
            "0:8 60:2                    | 90 | 60",
            "3:2 7:2                     | 50 | 3",
            "3:2 7:2                     | 100 | 7",
    })
    void nearestRank(String counts, int percent, Long expected) {
        TreeMap<Long, Long> histogram = new TreeMap<>();
        for (String pair : counts.trim().split("\\s+")) {
            if (!pair.isEmpty()) {
                String[] parts = pair.split(":");
                histogram.put(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            }
        }
        assertThat(Percentiles.nearestRank(histogram, percent)).isEqualTo(expected);
    }
}
