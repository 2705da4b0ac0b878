package io.guanxi.crm.imports;

import io.guanxi.crm.contact.ContactImportWriter;
import io.guanxi.crm.contact.api.ContactImportDraft;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Duplicate groups of an import: rows of the file and existing contacts joined by the same canonical mobile or
 * email (a SURE duplicate) or, failing that, the same name pinyin and company (a MAYBE). A group is named by its
 * first row ("r12"), so a decision taken on the preview still applies at the commit.
 */
final class Duplicates {

    enum Kind { SURE, MAYBE }

    /** A valid row of the file; {@code ownerId} when its owner column named one. */
    record Candidate(int rowNo, ContactImportDraft draft, UUID ownerId) {
    }

    /** Rows (in file order) and existing contacts that may be one person. */
    record Group(String id, Kind kind, List<Candidate> rows, List<ContactImportWriter.Existing> existing) {
        ImportDecision defaultDecision() {
            if (!existing.isEmpty()) {
                return ImportDecision.SKIP;
            }
            return kind == Kind.SURE ? ImportDecision.FILL_EMPTY : ImportDecision.CREATE_ANYWAY;
        }
    }

    private static final int KINDS_OF_KEY = 3;
    /** The index of the name + company key among a row's keys: the kinds before it are exact (mobile, email). */
    private static final int NAME_KEY = 2;

    private Duplicates() {
    }

    /** The keys a row is matched by, one per kind (mobile, email, name + company); null where the row has none. */
    private static String[] keys(ContactImportDraft d) {
        return new String[] {d.mobile(), d.email(), ContactImportWriter.nameKey(d.name(), d.company())};
    }

    /** The groups (each with at least two members, one a row), in the order of their first rows. */
    static List<Group> find(List<Candidate> rows, List<ContactImportWriter.Existing> existing) {
        int total = rows.size() + existing.size();
        int[] parent = new int[total];
        for (int i = 0; i < total; i++) {
            parent[i] = i;
        }
        // Per kind of key: the first row with it and how many members share it (one map per kind, no prefixed copies).
        List<Map<String, int[]>> byKind = new ArrayList<>(KINDS_OF_KEY);
        for (int k = 0; k < KINDS_OF_KEY; k++) {
            byKind.add(new HashMap<>(rows.size() * 2));
        }
        for (int i = 0; i < rows.size(); i++) {
            String[] keys = keys(rows.get(i).draft());
            for (int k = 0; k < KINDS_OF_KEY; k++) {
                if (keys[k] == null) {
                    continue;
                }
                int[] seen = byKind.get(k).putIfAbsent(keys[k], new int[] {i, 1});
                if (seen != null) {
                    union(parent, seen[0], i);
                    seen[1]++;
                }
            }
        }
        for (int j = 0; j < existing.size(); j++) {
            ContactImportWriter.Existing e = existing.get(j);
            String[] keys = {e.mobile(), e.email(), e.nameKey()};
            for (int k = 0; k < KINDS_OF_KEY; k++) {
                int[] seen = keys[k] == null ? null : byKind.get(k).get(keys[k]);
                if (seen != null) {
                    union(parent, seen[0], rows.size() + j);
                    seen[1]++;
                }
            }
        }
        // A shared mobile or email makes the whole component a SURE duplicate; a shared name alone a MAYBE.
        boolean[] sure = new boolean[total];
        for (int k = 0; k < NAME_KEY; k++) {
            for (int[] seen : byKind.get(k).values()) {
                if (seen[1] > 1) {
                    sure[find(parent, seen[0])] = true;
                }
            }
        }
        int[] root = new int[total];
        int[] size = new int[total];
        for (int i = 0; i < total; i++) {
            root[i] = find(parent, i);
            size[root[i]]++;
        }
        // A component's root is its smallest member, so components appear in the order of their first rows.
        Map<Integer, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < total; i++) {
            if (size[root[i]] > 1) {
                members.computeIfAbsent(root[i], r -> new ArrayList<>()).add(i);
            }
        }
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> component : members.entrySet()) {
            List<Integer> nodes = component.getValue();
            if (nodes.get(0) >= rows.size()) {
                continue;
            }
            List<Candidate> groupRows = new ArrayList<>();
            List<ContactImportWriter.Existing> groupExisting = new ArrayList<>();
            for (int node : nodes) {
                if (node < rows.size()) {
                    groupRows.add(rows.get(node));
                } else {
                    groupExisting.add(existing.get(node - rows.size()));
                }
            }
            int firstRow = groupRows.get(0).rowNo();
            groups.add(new Group("r" + firstRow, sure[component.getKey()] ? Kind.SURE : Kind.MAYBE, groupRows, groupExisting));
        }
        return groups;
    }

    /** Group ids by row number, for the rows that belong to a group. */
    static Map<Integer, Group> byRow(List<Group> groups) {
        Map<Integer, Group> byRow = new LinkedHashMap<>();
        groups.forEach(g -> g.rows().forEach(r -> byRow.put(r.rowNo(), g)));
        return byRow;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            // The smaller index roots the component, so a component's root is its first row.
            if (ra < rb) {
                parent[rb] = ra;
            } else {
                parent[ra] = rb;
            }
        }
    }
}
