package io.guanxi.crm.imports;

import io.guanxi.crm.contact.ContactImportWriter;
import io.guanxi.crm.contact.api.ContactImportDraft;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Duplicate groups of an import: rows of the file and existing contacts joined by the same canonical mobile or
 * email (a SURE duplicate) or, failing that, the same name pinyin and company (a MAYBE). A group is named by its
 * first row ("r12"), so a decision taken on the preview still applies at the commit.
 */
final class Duplicates {

    enum Kind { SURE, MAYBE }

    /** A valid row of the file. */
    record Candidate(int rowNo, ContactImportDraft draft) {
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

    private Duplicates() {
    }

    static List<String> keys(ContactImportDraft d) {
        List<String> keys = new ArrayList<>(3);
        if (d.mobile() != null) {
            keys.add("m:" + d.mobile());
        }
        if (d.email() != null) {
            keys.add("e:" + d.email());
        }
        keys.add("n:" + ContactImportWriter.nameKey(d.name(), d.company()));
        return keys;
    }

    /** The groups (each with at least two members, one a row), in the order of their first rows. */
    static List<Group> find(List<Candidate> rows, List<ContactImportWriter.Existing> existing) {
        int total = rows.size() + existing.size();
        int[] parent = new int[total];
        for (int i = 0; i < total; i++) {
            parent[i] = i;
        }
        Map<String, Integer> firstWithKey = new HashMap<>();
        Map<String, Integer> keyCount = new HashMap<>();
        Map<String, Integer> keyNode = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            for (String key : keys(rows.get(i).draft())) {
                Integer first = firstWithKey.putIfAbsent(key, i);
                if (first != null) {
                    union(parent, first, i);
                }
                keyCount.merge(key, 1, Integer::sum);
                keyNode.putIfAbsent(key, i);
            }
        }
        for (int j = 0; j < existing.size(); j++) {
            ContactImportWriter.Existing e = existing.get(j);
            int node = rows.size() + j;
            List<String> keys = new ArrayList<>();
            if (e.mobile() != null) {
                keys.add("m:" + e.mobile());
            }
            if (e.email() != null) {
                keys.add("e:" + e.email());
            }
            keys.add("n:" + e.nameKey());
            for (String key : keys) {
                Integer row = firstWithKey.get(key);
                if (row != null) {
                    union(parent, row, node);
                    keyCount.merge(key, 1, Integer::sum);
                }
            }
        }
        Map<Integer, List<Integer>> members = new TreeMap<>();
        for (int i = 0; i < total; i++) {
            members.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
        }
        Map<Integer, Boolean> sure = new HashMap<>();
        keyCount.forEach((key, count) -> {
            if (count > 1 && !key.startsWith("n:")) {
                sure.put(find(parent, keyNode.get(key)), true);
            }
        });
        Map<Integer, Group> groups = new TreeMap<>();
        for (Map.Entry<Integer, List<Integer>> component : members.entrySet()) {
            List<Integer> nodes = component.getValue();
            if (nodes.size() < 2 || nodes.get(0) >= rows.size()) {
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
            groups.put(firstRow, new Group("r" + firstRow, sure.containsKey(component.getKey()) ? Kind.SURE : Kind.MAYBE, groupRows,
                    groupExisting));
        }
        return new ArrayList<>(groups.values());
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
