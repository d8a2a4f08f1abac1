package org.ibex.delivery;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The in-process nodes of one test, each in a folder of its own under the test's folder, closed together. */
final class TestNodes implements AutoCloseable {
    private final Path dir;
    private final List<TestNode> nodes = new ArrayList<>();

    TestNodes(Path dir) {
        this.dir = dir;
    }

    TestNode node(TestFederation pki, String id) throws Exception {
        TestNode node = new TestNode(pki, id, dir.resolve(id.replace('/', '_')));
        nodes.add(node);
        return node;
    }

    @Override
    public void close() {
        nodes.forEach(TestNode::close);
    }
}
