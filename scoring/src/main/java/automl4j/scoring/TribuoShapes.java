package automl4j.scoring;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.List;

/**
 * Shapes inside a Tribuo payload that Tribuo trusts, checked before it allocates or walks them: a port of the engine's
 * check of the same name, with its messages. A tensor's declared dimensions are checked against its values (Tribuo
 * multiplies them in {@code int}, so a product that overflows could pass its own check and allocate gigabytes), and a
 * tree's nodes (each at its own index, children after it and inside the tree, so that building or walking the tree
 * always ends).
 */
final class TribuoShapes {
    /** The most elements a tensor may declare: 512 MiB of doubles, the limit of one model file entry. */
    static final long MAX_ELEMENTS = 1L << 26;

    private TribuoShapes() {
    }

    /**
     * Refuses {@code message} if a tensor or a tree inside it is malformed.
     *
     * @throws IllegalArgumentException naming the field and what is wrong
     */
    static void check(Message message) {
        TribuoClassNames.walk(message, "model", (where, m) -> {
            String type = m.getDescriptorForType().getName();
            if (type.equals("DenseTensorProto") || type.equals("SparseTensorProto")) {
                tensor(where, m, type.equals("DenseTensorProto"));
            } else if (type.equals("TreeModelProto")) {
                tree(where, m);
            }
        });
    }

    private static void tensor(String where, Message m, boolean dense) {
        List<?> dims = (List<?>) field(m, "dimensions");
        long product = 1;
        for (Object d : dims) {
            int n = (Integer) d;
            if (n <= 0) {
                throw new IllegalArgumentException("the Tribuo payload's tensor at " + where + " has dimension " + n);
            }
            product *= n;
            if (product > MAX_ELEMENTS) {
                throw new IllegalArgumentException("the Tribuo payload's tensor at " + where + " declares more than " + MAX_ELEMENTS
                        + " elements");
            }
        }
        int values = ((ByteString) field(m, "values")).size();
        long expected = 8 * (dense ? product : ((Integer) field(m, "numNonZero")).longValue());
        boolean ok = values == expected;
        if (!dense) {
            int nonZero = (Integer) field(m, "numNonZero");
            ok &= nonZero >= 0 && nonZero <= product
                    && ((ByteString) field(m, "indices")).size() == 4L * nonZero * dims.size();
        }
        if (!ok) {
            throw new IllegalArgumentException("the Tribuo payload's tensor at " + where + " has " + values
                    + " bytes of values, which does not match its declared shape " + dims);
        }
    }

    private static void tree(String where, Message m) {
        List<?> nodes = (List<?>) field(m, "nodes");
        int n = nodes.size();
        if (n == 0) {
            throw new IllegalArgumentException("the Tribuo payload's tree at " + where + " has no nodes");
        }
        for (int i = 0; i < n; i++) {
            Message node = TribuoClassNames.unpackNode((Message) nodes.get(i), where);
            int cur = (Integer) field(node, "cur_idx");
            int parent = (Integer) field(node, "parent_idx");
            boolean ok = cur == i && (i == 0 ? parent == -1 : parent >= 0 && parent < i);
            if (node.getDescriptorForType().getName().equals("SplitNodeProto")) {
                int gt = (Integer) field(node, "greater_than_idx");
                int le = (Integer) field(node, "less_than_or_equal_idx");
                ok &= gt > i && gt < n && le > i && le < n && gt != le;
            }
            if (!ok) {
                throw new IllegalArgumentException("the Tribuo payload's tree at " + where + " has node " + i + " out of order: "
                        + "each node must sit at its own index, after its parent and before its children, inside the tree");
            }
        }
    }

    /** A field's value, or its default when unset. */
    private static Object field(Message m, String name) {
        FieldDescriptor f = m.getDescriptorForType().findFieldByName(name);
        if (f == null) {
            throw new IllegalArgumentException("the Tribuo payload's " + m.getDescriptorForType().getName() + " has no field " + name);
        }
        return m.getField(f);
    }
}
