package org.ibex.watchlist;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The flat table of spelling deletions keeps every id filed under a deletion, through its growth. */
class DeletionTableTest {
    private static int[] idsOf(DeletionTable table, String deletion) {
        IntList out = new IntList();
        table.get(DeletionTable.hash(deletion, -1), out);
        int[] ids = new int[out.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = out.get(i);
        }
        return ids;
    }

    @Test
    void aDeletionIsTheSpellingWithoutOneLetter() {
        assertThat(DeletionTable.hash("bambang", 3)).isEqualTo(DeletionTable.hash("bamang", -1))
                .isEqualTo(DeletionTable.hash("bamnang", 3));
        assertThat(DeletionTable.hash("bambang", 2)).isNotEqualTo(DeletionTable.hash("bambang", 3));
    }

    @Test
    void everyIdFiledUnderADeletionComesBackAfterTheTableGrew() {
        DeletionTable table = new DeletionTable();
        for (int id = 0; id < 50_000; id++) {
            table.add(DeletionTable.hash("name" + id, -1), id);
            table.add(DeletionTable.hash("shared", -1), id);
        }
        assertThat(idsOf(table, "name4242")).containsExactly(4242);
        assertThat(idsOf(table, "shared")).hasSize(50_000);
        assertThat(idsOf(table, "absent")).isEmpty();
    }
}
