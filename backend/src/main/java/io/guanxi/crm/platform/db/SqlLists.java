package io.guanxi.crm.platform.db;

import java.util.Arrays;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A set of enum constants written into SQL from the Java rule that defines it, so the rule exists once:
 * {@code inList(LeadStatus.values(), LeadStatus::isOpen)} is {@code ('NEW', 'CONTACTED', 'QUALIFIED')}.
 * Enum names are Java identifiers, so the literal needs no escaping.
 */
public final class SqlLists {

    private SqlLists() {
    }

    /** The constants that pass, in declaration order, as a parenthesised SQL list of string literals. */
    public static <E extends Enum<E>> String inList(E[] values, Predicate<E> include) {
        String list = Arrays.stream(values).filter(include).map(value -> "'" + value.name() + "'")
                .collect(Collectors.joining(", ", "(", ")"));
        if (list.equals("()")) {
            throw new IllegalArgumentException("an empty IN list is not valid SQL");
        }
        return list;
    }
}
