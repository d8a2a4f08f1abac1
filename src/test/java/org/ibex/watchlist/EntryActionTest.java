package org.ibex.watchlist;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntryActionTest {
    @Test
    void readsActionsInAnyCaseWithSpacesHyphensOrUnderscores() {
        assertThat(EntryAction.parse("REFUSE_ENTRY")).isEqualTo(EntryAction.REFUSE_ENTRY);
        assertThat(EntryAction.parse(" refer to second line ")).isEqualTo(EntryAction.REFER_TO_SECOND_LINE);
        assertThat(EntryAction.parse("Notify-Authority")).isEqualTo(EntryAction.NOTIFY_AUTHORITY);
    }

    @Test
    void readsTheFirstWordAlone() {
        assertThat(EntryAction.parse("detain")).isEqualTo(EntryAction.DETAIN);
        assertThat(EntryAction.parse("refuse")).isEqualTo(EntryAction.REFUSE_ENTRY);
        assertThat(EntryAction.parse("refer")).isEqualTo(EntryAction.REFER_TO_SECOND_LINE);
    }

    @Test
    void rejectsAnUnknownActionNamingTheAllowedOnes() {
        assertThatThrownBy(() -> EntryAction.parse("arrest"))
                .isInstanceOf(InvalidEntryException.class)
                .hasMessageContaining("'arrest'")
                .hasMessageContaining("REFER_TO_SECOND_LINE, REFUSE_ENTRY, NOTIFY_AUTHORITY, DETAIN")
                .satisfies(e -> assertThat(((InvalidEntryException) e).field()).isEqualTo("action"));
    }

    @Test
    void rejectsBlankAndPartialWords() {
        assertThatThrownBy(() -> EntryAction.parse("  ")).isInstanceOf(InvalidEntryException.class);
        assertThatThrownBy(() -> EntryAction.parse(null)).isInstanceOf(InvalidEntryException.class);
        assertThatThrownBy(() -> EntryAction.parse("ref")).as("a prefix must be whole words")
                .isInstanceOf(InvalidEntryException.class);
    }
}
