package io.careledger.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import io.careledger.api.common.InvalidValueException;
import org.junit.jupiter.api.Test;

class SearchAfterCursorTest {
    private static final String SORT = SearchAfterCursor.signature(List.of(PagedSearch.sort("at", SortOrder.Desc),
            PagedSearch.sort("id", SortOrder.Asc)));

    @Test
    void sortValuesComeBackWithTheirTypes() {
        List<FieldValue> values = List.of(FieldValue.of(1_772_352_000_123_456_789L), FieldValue.of(2.5),
                FieldValue.of("c-1\nwith:separators,"));

        List<FieldValue> decoded = SearchAfterCursor.decode(SearchAfterCursor.encode(SORT, values), SORT, 3);

        assertThat(decoded).extracting(FieldValue::_get).containsExactly(1_772_352_000_123_456_789L, 2.5,
                "c-1\nwith:separators,");
    }

    @Test
    void theSignatureNamesTheSortAndNothingElse() {
        String same = SearchAfterCursor.signature(List.of(PagedSearch.sort("at", SortOrder.Desc),
                PagedSearch.sort("id", SortOrder.Asc)));
        String reversed = SearchAfterCursor.signature(List.of(PagedSearch.sort("at", SortOrder.Asc),
                PagedSearch.sort("id", SortOrder.Asc)));
        String score = SearchAfterCursor.signature(List.of(SortOptions.of(by -> by.score(s -> s.order(SortOrder.Desc))),
                PagedSearch.sort("id", SortOrder.Asc)));

        assertThat(same).isEqualTo(SORT);
        assertThat(reversed).isNotEqualTo(SORT);
        assertThat(score).isNotEqualTo(SORT).isNotEqualTo(reversed);
    }

    @Test
    void aCursorOfAnotherSortOrAnotherSearchIsAnInvalidAfter() {
        String ours = SearchAfterCursor.encode(SORT, List.of(FieldValue.of(1L), FieldValue.of("a")));
        String otherSort = SearchAfterCursor.encode("0", List.of(FieldValue.of(1L), FieldValue.of("a")));
        String nonsense = Base64.getUrlEncoder().encodeToString("nonsense".getBytes(StandardCharsets.UTF_8));

        for (String cursor : List.of(otherSort, nonsense, "%%%", "", ours.substring(0, ours.length() - 3))) {
            assertThatThrownBy(() -> SearchAfterCursor.decode(cursor, SORT, 2))
                    .as(cursor)
                    .isInstanceOfSatisfying(InvalidValueException.class,
                            invalid -> assertThat(invalid.field()).isEqualTo("after"));
        }
        assertThatThrownBy(() -> SearchAfterCursor.decode(ours, SORT, 3)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void pageSizesStayWithinOneAndTheMaximum() {
        assertThat(SearchAfterCursor.pageSize(0, 100)).isEqualTo(1);
        assertThat(SearchAfterCursor.pageSize(-5, 100)).isEqualTo(1);
        assertThat(SearchAfterCursor.pageSize(50, 100)).isEqualTo(50);
        assertThat(SearchAfterCursor.pageSize(10_000, 100)).isEqualTo(100);
    }
}
