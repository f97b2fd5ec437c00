package io.linea.asterisk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The caller scenario as sipp reads it: key presses where they were asked for, and only then (ACD-10). */
class SippScenarioTests {

    @Test
    void aCallerWithoutKeysPlaysOnlyTheSpeechAsBefore() throws Exception {
        String xml = Sipp.scenario("caller").key("talk_ms", "3000").renderScenario();

        assertThat(steps(xml)).containsExactly("pause 0", "play g711a.pcap", "recv BYE 3000");
        assertThat(xml).doesNotContain("dtmf_2833", "[dtmf");
    }

    @Test
    void keysArePressedAfterTheAnswerAndWhileSpeakingInOrder() throws Exception {
        String xml = Sipp.scenario("caller").key("dtmf", "1#").key("dtmf_after_ms", "700").key("dtmf_end", "*")
                .key("dtmf_end_after_ms", "2500").key("audio_after_ms", "100").key("talk_ms", "1000")
                .renderScenario();

        long press = Sipp.KEY_PRESS.toMillis();
        assertThat(steps(xml)).containsExactly("pause 700", "play key0-dtmf_2833_1.pcap", "pause " + press,
                "play key1-dtmf_2833_pound.pcap", "pause " + press, "pause 100", "play g711a.pcap", "pause 2500",
                "play key2-dtmf_2833_star.pcap", "pause " + press, "recv BYE 1000");
    }

    @Test
    void everyKeyPressCarriesLaterRtpTimestampsAndSequenceNumbersThanTheOneBefore() throws Exception {
        // Debian's capture of 7 was recorded after the one of 2, and pressing a key twice repeats its capture
        byte[] seven = capture("7");
        byte[] two = capture("2");
        List<int[]> presses = new ArrayList<>();
        presses.addAll(rtpHeaders(Sipp.keyPress(seven, 0)));
        presses.addAll(rtpHeaders(Sipp.keyPress(seven, 1)));
        presses.addAll(rtpHeaders(Sipp.keyPress(two, 2)));

        assertThat(presses).hasSize(3 * rtpHeaders(two).size()).allSatisfy(
                packet -> assertThat(packet[0]).as("payload type telephone-event").isEqualTo(101));
        int perPress = presses.size() / 3;
        for (int press = 1; press < 3; press++) {
            int[] lastOfPrevious = presses.get(press * perPress - 1);
            int[] first = presses.get(press * perPress);
            assertThat(first[1]).as("sequence number of press %d", press).isGreaterThan(lastOfPrevious[1]);
            assertThat(first[2]).as("timestamp of press %d", press).isGreaterThan(lastOfPrevious[2]);
        }
        // within a press, the event's packets keep their order and shared timestamp
        assertThat(presses.subList(0, perPress)).extracting(packet -> packet[2]).containsOnly(presses.get(0)[2]);
        assertThat(presses.subList(0, perPress)).extracting(packet -> packet[1]).isSorted();
    }

    @Test
    void keysWithoutACaptureAreRefused() {
        assertThatThrownBy(() -> Sipp.scenario("caller").key("dtmf", "1A").renderScenario())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'A'");
    }

    private static byte[] capture(String key) throws Exception {
        return Files.readAllBytes(Path.of("/usr/share/sip-tester/dtmf_2833_" + key + ".pcap"));
    }

    /** Payload type, sequence number and timestamp of every RTP packet of a pcap file (little-endian, Ethernet). */
    private static List<int[]> rtpHeaders(byte[] pcap) {
        ByteBuffer header = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer packets = ByteBuffer.wrap(pcap);
        List<int[]> headers = new ArrayList<>();
        for (int record = 24; record + 16 <= pcap.length; record += 16 + header.getInt(record + 8)) {
            int rtp = record + 16 + 14 + 20 + 8;
            headers.add(new int[] { packets.get(rtp + 1) & 0x7f, packets.getShort(rtp + 2) & 0xffff,
                    packets.getInt(rtp + 4) });
        }
        return headers;
    }

    /** The media steps after the ACK, as "pause N", "play FILE" and "recv BYE timeout". */
    private static List<String> steps(String xml) throws Exception {
        Element scenario = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.ISO_8859_1))).getDocumentElement();
        List<String> steps = new ArrayList<>();
        boolean acked = false;
        NodeList children = scenario.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (!(children.item(i) instanceof Element step)) {
                continue;
            }
            if (step.getTagName().equals("send") && step.getTextContent().strip().startsWith("ACK")) {
                acked = true;
            } else if (acked && step.getTagName().equals("pause")) {
                steps.add("pause " + step.getAttribute("milliseconds"));
            } else if (acked && step.getTagName().equals("nop")) {
                NodeList exec = step.getElementsByTagName("exec");
                if (exec.getLength() > 0) {
                    steps.add("play " + ((Element) exec.item(0)).getAttribute("play_pcap_audio"));
                }
            } else if (acked && step.getTagName().equals("recv") && step.hasAttribute("request")) {
                steps.add("recv " + step.getAttribute("request") + " " + step.getAttribute("timeout"));
                break;
            }
        }
        return steps;
    }
}
