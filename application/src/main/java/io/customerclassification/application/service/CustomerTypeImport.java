package io.customerclassification.application.service;

import io.customerclassification.application.port.in.customertype.CustomerTypeImportRow;
import io.customerclassification.application.port.in.dataimport.ImportField;
import io.customerclassification.application.port.in.dataimport.ImportMode;
import io.customerclassification.application.port.in.dataimport.ImportProblem;
import io.customerclassification.domain.customertype.CustomerType;
import io.customerclassification.domain.customertype.CustomerTypeHierarchyPolicy;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.customertype.CustomerTypeStatus;
import io.customerclassification.domain.shared.InvalidNameException;
import io.customerclassification.domain.shared.Name;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The plan of one customer-type import: every row checked, and the company's types as they would be after it
 * checked as a whole (CONTRACT §3.3), before anything is written. Types are matched by {@link Name#key()}; a node is
 * a row of the import, a stored type a row matches or names as parent, or a stored type on the chain above one of
 * them. Only those are read, through the {@link Store}, so the plan holds the rows and the chains they touch, never
 * the whole company.
 */
final class CustomerTypeImport {

    /** What the plan reads of the company's stored types, in the import's transaction. */
    interface Store {

        Optional<CustomerType> byName(Name name);

        /** The type's ancestors, its parent first. */
        List<CustomerType> ancestors(CustomerTypeKey key);

        List<CustomerType> children(CustomerTypeKey key);

        /** The levels of the type's subtree, itself counted. */
        int height(CustomerTypeKey key);
    }

    /** A type of the result: as stored, as a row makes it, or both. */
    static final class Node {
        final String nameKey;
        Name name;
        CustomerTypeStatus status;
        CustomerTypeKey storedKey;
        CustomerTypeStatus storedStatus;
        CustomerTypeKey storedParent;
        int row;
        /** 0 not yet known, -2 on the chain being walked, -1 in a cycle or beyond the limit, else the depth. */
        int depth;

        Node(String nameKey) {
            this.nameKey = nameKey;
        }

        boolean fromRow() {
            return row > 0;
        }
    }

    private final Store store;
    private final Map<String, Node> nodes = new HashMap<>();
    private final Map<CustomerTypeKey, Node> stored = new HashMap<>();
    private final Map<Node, Node> parents = new HashMap<>();
    private final List<Node> rows = new ArrayList<>();
    private final List<ImportProblem> problems = new ArrayList<>();

    CustomerTypeImport(Store store) {
        this.store = store;
    }

    /** Checks the rows against each other and the stored types, then the result as a whole. */
    List<ImportProblem> check(List<CustomerTypeImportRow> given, ImportMode mode) {
        Map<Node, Name> parentNames = new HashMap<>();
        for (int i = 0; i < given.size(); i++) {
            read(i + 1, given.get(i), mode, parentNames);
        }
        for (Node node : rows) {
            Name parentName = parentNames.get(node);
            if (parentName == null) {
                continue;
            }
            Node target = nodes.get(parentName.key());
            if (target == null) {
                target = store.byName(parentName).map(this::storedNode).orElse(null);
            }
            if (target == null) {
                problem(node.row, ImportField.PARENT, "parentId names no row of the import and no type of the company");
            } else if (target == node) {
                problem(node.row, ImportField.PARENT, "A customer type cannot be its own parent");
            } else {
                parents.put(node, target);
            }
        }
        checkTree();
        problems.sort(Comparator.comparingInt(ImportProblem::row).thenComparing(ImportProblem::field));
        return List.copyOf(problems);
    }

    private void read(int row, CustomerTypeImportRow given, ImportMode mode, Map<Node, Name> parentNames) {
        Name name = name(row, ImportField.NAME, given.id(), "id");
        CustomerTypeStatus status = status(row, given.status());
        Name parentName = null;
        if (given.parentId() != null && !given.parentId().isEmpty()) {
            parentName = name(row, ImportField.PARENT, given.parentId(), "parentId");
        }
        if (name == null) {
            return;
        }
        Node node = nodes.get(name.key());
        if (node != null && node.fromRow()) {
            problem(row, ImportField.NAME, "id " + name.value() + " is also the id of row " + node.row);
            return;
        }
        if (node == null) {
            node = store.byName(name).map(this::storedNode).orElse(null);
        }
        if (node != null && mode == ImportMode.CREATE) {
            problem(row, ImportField.NAME, "A customer type with id " + node.name.value() + " already exists");
            return;
        }
        if (node == null) {
            node = new Node(name.key());
            node.name = name;
            nodes.put(node.nameKey, node);
        }
        node.row = row;
        node.status = status == null ? CustomerTypeStatus.ACTIVE : status;
        if (parentName != null) {
            parentNames.put(node, parentName);
        }
        rows.add(node);
    }

    private Node storedNode(CustomerType type) {
        Node known = stored.get(type.key());
        if (known != null) {
            return known;
        }
        Node node = new Node(type.name().key());
        node.name = type.name();
        node.status = type.status();
        node.storedStatus = type.status();
        node.storedKey = type.key();
        node.storedParent = type.parentKey();
        nodes.put(node.nameKey, node);
        stored.put(node.storedKey, node);
        return node;
    }

    /**
     * Depth, cycles and status along every chain a row is on. A problem is the row's that causes it: the row that
     * closes a cycle or goes too deep (itself or the stored subtree it moves), an active row under an inactive
     * parent, an inactive row above a stored active type that stays where it is.
     */
    private void checkTree() {
        for (Node node : rows) {
            depth(node);
        }
        for (Node node : rows) {
            if (node.depth < 0) {
                continue;
            }
            Node parent = parents.get(node);
            if (node.storedKey != null && moves(node)) {
                int height = store.height(node.storedKey);
                if (node.depth + height - 1 > CustomerTypeHierarchyPolicy.MAX_DEPTH) {
                    problem(node.row, ImportField.PARENT, "Customer type " + node.name.value() + " would be at depth "
                            + node.depth + " with " + (height - 1) + " levels below it; the hierarchy is at most "
                            + CustomerTypeHierarchyPolicy.MAX_DEPTH + " deep");
                }
            }
            if (parent != null && parent.depth > 0 && node.status == CustomerTypeStatus.ACTIVE
                    && parent.status == CustomerTypeStatus.INACTIVE) {
                problem(node.row, ImportField.PARENT, "Active customer type " + node.name.value()
                        + " cannot be under inactive parent " + parent.name.value());
            }
            if (node.status == CustomerTypeStatus.INACTIVE && node.storedStatus == CustomerTypeStatus.ACTIVE) {
                for (CustomerType child : store.children(node.storedKey)) {
                    Node row = stored.get(child.key());
                    if ((row == null || !row.fromRow()) && child.status() == CustomerTypeStatus.ACTIVE) {
                        problem(node.row, ImportField.STATUS, "Customer type " + node.name.value()
                                + " cannot be inactive: its child " + child.name().value() + " is active");
                    }
                }
            }
        }
    }

    /** Whether a row that matches a stored type gives it another parent (read before anything is written). */
    private boolean moves(Node node) {
        Node parent = parents.get(node);
        if (parent == null) {
            return node.storedParent != null;
        }
        return parent.storedKey == null || !parent.storedKey.equals(node.storedParent);
    }

    /**
     * The node's depth (a root is 1), -1 on a cycle or beyond the limit; each problem once, on a row of it. Above a
     * row the chain goes on at the row's parent; above a stored type no row changes, at its stored ancestors up to the
     * first one a row changes.
     */
    private int depth(Node start) {
        List<Node> chain = new ArrayList<>();
        Node node = start;
        while (node != null && node.depth == 0) {
            node.depth = -2;
            chain.add(node);
            node = node.fromRow() ? parents.get(node) : storedAbove(node, chain);
        }
        int base;
        if (node == null) {
            base = 0;
        } else if (node.depth == -2) {
            reportCycle(chain, chain.indexOf(node));
            base = -1;
        } else {
            base = node.depth;
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            Node link = chain.get(i);
            if (base < 0) {
                link.depth = -1;
                continue;
            }
            base++;
            if (base > CustomerTypeHierarchyPolicy.MAX_DEPTH) {
                if (link.fromRow()) {
                    problem(link.row, ImportField.PARENT, "Customer type " + link.name.value() + " would be at depth "
                            + base + "; the hierarchy is at most " + CustomerTypeHierarchyPolicy.MAX_DEPTH + " deep");
                }
                base = -1;
                link.depth = -1;
                continue;
            }
            link.depth = base;
        }
        return start.depth;
    }

    /**
     * Walks the stored ancestors of a stored type no row changes onto the chain, up to the first that a row changes
     * or whose depth is known, and answers that one (null at a root).
     */
    private Node storedAbove(Node node, List<Node> chain) {
        if (node.storedParent == null) {
            return null;
        }
        for (CustomerType ancestor : store.ancestors(node.storedKey)) {
            Node next = storedNode(ancestor);
            if (next.fromRow() || next.depth != 0) {
                return next;
            }
            next.depth = -2;
            chain.add(next);
        }
        return null;
    }

    private void reportCycle(List<Node> chain, int from) {
        List<Node> cycle = chain.subList(from, chain.size());
        for (Node node : cycle) {
            if (node.fromRow()) {
                problem(node.row, ImportField.PARENT, "parentId makes a cycle: "
                        + String.join(" → ", cycle.stream().map(n -> n.name.value()).toList()) + " → "
                        + cycle.get(0).name.value());
            }
        }
        for (Node node : chain) {
            node.depth = -1;
        }
    }

    private Name name(int row, ImportField field, String value, String label) {
        if (value == null) {
            problem(row, field, label + " is required");
            return null;
        }
        try {
            return Name.of(value);
        } catch (InvalidNameException e) {
            problem(row, field, label + " " + e.reason().description());
            return null;
        }
    }

    private CustomerTypeStatus status(int row, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "active" -> CustomerTypeStatus.ACTIVE;
            case "inactive" -> CustomerTypeStatus.INACTIVE;
            default -> {
                problem(row, ImportField.STATUS, "status must be active or inactive");
                yield null;
            }
        };
    }

    private void problem(int row, ImportField field, String message) {
        problems.add(new ImportProblem(row, field, message));
    }

    /** The rows that create or change a type, each after its parent when that is a row too. */
    List<Node> changesParentsFirst() {
        List<Node> ordered = new ArrayList<>();
        rows.stream().filter(node -> node.storedKey == null || node.status != node.storedStatus
                        || moves(node))
                .sorted(Comparator.comparingInt(node -> node.depth)).forEach(ordered::add);
        return ordered;
    }

    /** The row's parent in the result, or null for a root. */
    Node parent(Node node) {
        return parents.get(node);
    }
}
