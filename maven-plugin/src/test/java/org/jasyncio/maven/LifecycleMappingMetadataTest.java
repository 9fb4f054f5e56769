package org.jasyncio.maven;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The m2e metadata the plugin carries, as Eclipse reads it from the plugin's jar. */
class LifecycleMappingMetadataTest {

    @Test
    void bothGoals_runOnIncrementalBuilds_andNotOnConfiguration() throws Exception {
        Document metadata = read("META-INF/m2e/lifecycle-mapping-metadata.xml");

        NodeList executions = metadata.getElementsByTagName("pluginExecution");
        assertEquals(1, executions.getLength());
        Element execution = (Element) executions.item(0);
        assertEquals(List.of("instrument", "instrument-tests"), texts(execution, "goal"));
        assertEquals(List.of("true"), texts(execution, "runOnIncremental"));
        assertEquals(List.of("false"), texts(execution, "runOnConfiguration"));
    }

    @Test
    void metadataNamesEveryGoalOfThePlugin() throws Exception {
        Document descriptor = read("META-INF/maven/plugin.xml");
        Set<String> goals = new TreeSet<>();
        NodeList mojos = descriptor.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            goals.addAll(texts((Element) mojos.item(i), "goal"));
        }

        Document metadata = read("META-INF/m2e/lifecycle-mapping-metadata.xml");

        assertEquals(goals, new TreeSet<>(texts(metadata.getDocumentElement(), "goal")));
    }

    private static Document read(String resource) throws Exception {
        try (InputStream in = LifecycleMappingMetadataTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is not in the plugin");
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(in);
        }
    }

    /** The text of each {@code tag} element under {@code parent}, in document order. */
    private static List<String> texts(Element parent, String tag) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().strip());
        }
        return texts;
    }
}
