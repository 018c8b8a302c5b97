package dev.ponder.attachment;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the bytes of a file say it is, whatever its name. */
class ContentSnifferTest {

	private final ContentSniffer sniffer = new ContentSniffer();

	@Test
	void imagesAreKnownByTheirMagicNumbers() throws IOException {
		BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
		ImageIO.write(image, "jpeg", jpeg);
		byte[] gif = "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;".getBytes(StandardCharsets.ISO_8859_1);
		byte[] webp = "RIFF\u0024\u0000\u0000\u0000WEBPVP8 \u0018\u0000\u0000\u0000"
			.getBytes(StandardCharsets.ISO_8859_1);

		assertThat(this.sniffer.sniff(jpeg.toByteArray(), "photo"))
			.contains(new SniffedType("image/jpeg", AttachmentKind.IMAGE));
		assertThat(this.sniffer.sniff(gif, "anim.txt")).contains(new SniffedType("image/gif", AttachmentKind.IMAGE));
		assertThat(this.sniffer.sniff(webp, "x.webp")).contains(new SniffedType("image/webp", AttachmentKind.IMAGE));
		assertThat(this.sniffer.sniff(SampleFiles.pdf("Hi"), "scan.png"))
			.contains(new SniffedType("application/pdf", AttachmentKind.PDF));
	}

	@Test
	void textIsTextAndTheNameOnlyTellsWhichText() {
		byte[] python = "def f():\n    return 1\n".getBytes(StandardCharsets.UTF_8);
		byte[] json = "{\"a\": [1, 2]}".getBytes(StandardCharsets.UTF_8);
		byte[] unnamed = "Grüße, 世界 — plain words".getBytes(StandardCharsets.UTF_8);

		assertThat(this.sniffer.sniff(python, "f.py")).hasValueSatisfying((type) -> {
			assertThat(type.kind()).isEqualTo(AttachmentKind.TEXT);
			assertThat(type.contentType()).isEqualTo("text/x-python");
		});
		assertThat(this.sniffer.sniff(json, "data.json"))
			.hasValueSatisfying((type) -> assertThat(type.kind()).isEqualTo(AttachmentKind.TEXT));
		assertThat(this.sniffer.sniff(unnamed, "notes"))
			.hasValueSatisfying((type) -> assertThat(type.kind()).isEqualTo(AttachmentKind.TEXT));
	}

	@Test
	void programsArchivesAndBinariesAreRefusedWhateverTheirName() {
		byte[] zip = { 'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0 };
		byte[] latin1Binary = { (byte) 0xff, (byte) 0xfe, (byte) 0x81, 0x7f, (byte) 0xc3 };

		assertThat(this.sniffer.sniff(SampleFiles.windowsProgram(), "cat.png")).isEmpty();
		assertThat(this.sniffer.sniff(zip, "archive.txt")).isEmpty();
		assertThat(this.sniffer.sniff(latin1Binary, "blob")).isEmpty();
	}

}
