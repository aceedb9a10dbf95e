package io.customerclassification.application.service;

import io.customerclassification.application.model.CustomerTypeExportRow;
import io.customerclassification.application.port.in.customertype.CustomerTypeImportRow;
import io.customerclassification.application.port.in.dataimport.ImportField;
import io.customerclassification.application.port.in.dataimport.ImportMode;
import io.customerclassification.application.port.in.dataimport.ImportProblem;
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
import java.util.Objects;

/**
 * The plan of one customer-type import: every row checked, and the company's types as they would be after it
 * checked as a whole (CONTRACT §3.3), before anything is written. Types are matched by {@link Name#key()}; a node is
 * a type of the company, a row of the import, or both (a row that updates a type).
 */
final class CustomerTypeImport {

    /** A type of the result: as stored, as a row makes it, or both. */
    static final class Node {
        final String nameKey;
        Name name;
        CustomerTypeStatus status;
        String parentKey;
        CustomerTypeKey storedKey;
        CustomerTypeStatus storedStatus;
        String storedParentKey;
        int row;
        int depth;

        Node(String nameKey) {
            this.nameKey = nameKey;
        }

        boolean fromRow() {
            return row > 0;
        }

        boolean changed() {
            return storedKey == null || status != storedStatus || !Objects.equals(parentKey, storedParentKey);
        }
    }

    private final Map<String, Node> nodes = new HashMap<>();
    private final List<Node> rows = new ArrayList<>();
    private final List<ImportProblem> problems = new ArrayList<>();

    /** Takes one stored type of the company (from its export, parents first). */
    void stored(CustomerTypeExportRow type) {
        Node node = new Node(type.name().key());
        node.name = type.name();
        node.status = type.status();
        node.storedStatus = type.status();
        node.parentKey = type.parentName() == null ? null : type.parentName().key();
        node.storedParentKey = node.parentKey;
        node.storedKey = type.key();
        nodes.put(node.nameKey, node);
    }

    /** Checks the rows against each other and the stored types, then the result as a whole. */
    List<ImportProblem> check(List<CustomerTypeImportRow> given, ImportMode mode) {
        Map<Integer, String> parents = new HashMap<>();
        for (int i = 0; i < given.size(); i++) {
            read(i + 1, given.get(i), mode, parents);
        }
        for (Node node : rows) {
            String parent = parents.get(node.row);
            if (parent == null) {
                continue;
            }
            Node target = nodes.get(parent);
            if (target == null) {
                problem(node.row, ImportField.PARENT, "parentId names no row of the import and no type of the company");
                node.parentKey = null;
            } else if (target == node) {
                problem(node.row, ImportField.PARENT, "A customer type cannot be its own parent");
                node.parentKey = null;
            } else {
                node.parentKey = target.nameKey;
            }
        }
        checkTree();
        problems.sort(Comparator.comparingInt(ImportProblem::row).thenComparing(ImportProblem::field));
        return List.copyOf(problems);
    }

    private void read(int row, CustomerTypeImportRow given, ImportMode mode, Map<Integer, String> parents) {
        Name name = name(row, ImportField.NAME, given.id(), "id");
        CustomerTypeStatus status = status(row, given.status());
        String parent = null;
        if (given.parentId() != null && !given.parentId().isEmpty()) {
            Name parentName = name(row, ImportField.PARENT, given.parentId(), "parentId");
            parent = parentName == null ? null : parentName.key();
        }
        if (name == null) {
            return;
        }
        Node node = nodes.get(name.key());
        if (node != null && node.fromRow()) {
            problem(row, ImportField.NAME, "id " + name.value() + " is also the id of row " + node.row);
            return;
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
        node.parentKey = null;
        if (parent != null) {
            parents.put(row, parent);
        }
        rows.add(node);
    }

    /**
     * Depth, cycles and status down every chain of the result. A problem is the row's that causes it: the row that
     * closes a cycle or goes too deep, an active row under an inactive parent, an inactive row above an active type
     * that stays where it is.
     */
    private void checkTree() {
        for (Node node : nodes.values()) {
            depth(node);
        }
        for (Node node : nodes.values()) {
            Node parent = node.parentKey == null ? null : nodes.get(node.parentKey);
            if (parent == null || node.depth < 0 || parent.depth < 0
                    || node.status != CustomerTypeStatus.ACTIVE || parent.status != CustomerTypeStatus.INACTIVE) {
                continue;
            }
            if (node.fromRow()) {
                problem(node.row, ImportField.PARENT, "Active customer type " + node.name.value() + " cannot be under inactive parent "
                                + parent.name.value());
            } else if (parent.fromRow()) {
                problem(parent.row, ImportField.STATUS, "Customer type " + parent.name.value()
                        + " cannot be inactive: its child " + node.name.value() + " is active");
            }
        }
    }

    /** The node's depth (a root is 1), -1 on a cycle or beyond the limit; each problem once, on a row of it. */
    private int depth(Node start) {
        if (start.depth != 0) {
            return start.depth;
        }
        List<Node> chain = new ArrayList<>();
        Node node = start;
        while (node != null && node.depth == 0) {
            node.depth = -2; // on the chain being walked
            chain.add(node);
            node = node.parentKey == null ? null : nodes.get(node.parentKey);
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
        rows.stream().filter(Node::changed).sorted(Comparator.comparingInt(node -> node.depth)).forEach(ordered::add);
        return ordered;
    }

    Node node(String nameKey) {
        return nodes.get(nameKey);
    }
}
