package dev.ponder.attachment;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The small pictures the thread shows. */
class ThumbnailsTest {

	private final Thumbnails thumbnails = new Thumbnails();

	@Test
	void aLargeImageShrinksToThreeHundredAndTwentyPixelsOnItsLongestSide() throws IOException {
		byte[] thumbnail = this.thumbnails.of(SampleFiles.png(800, 600), "image/png").orElseThrow();

		BufferedImage read = ImageIO.read(new ByteArrayInputStream(thumbnail));
		assertThat(read.getWidth()).isEqualTo(320);
		assertThat(read.getHeight()).isEqualTo(240);
	}

	@Test
	void aPhotoStaysAJpeg() throws IOException {
		ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(400, 1000, BufferedImage.TYPE_INT_RGB), "jpeg", jpeg);

		byte[] thumbnail = this.thumbnails.of(jpeg.toByteArray(), "image/jpeg").orElseThrow();

		assertThat(thumbnail[0] & 0xff).isEqualTo(0xff);
		assertThat(thumbnail[1] & 0xff).isEqualTo(0xd8);
		assertThat(ImageIO.read(new ByteArrayInputStream(thumbnail)).getHeight()).isEqualTo(320);
		assertThat(Thumbnails.contentType("image/jpeg")).isEqualTo("image/jpeg");
	}

	@Test
	void aSmallOrUnreadableImageHasNoneAndTheOriginalServes() {
		assertThat(this.thumbnails.of(SampleFiles.png(100, 50), "image/png")).isEmpty();
		assertThat(this.thumbnails.of("not an image".getBytes(), "image/png")).isEmpty();
	}

	@Test
	void webpImagesCanBeRead() {
		assertThat(ImageIO.getImageReadersByMIMEType("image/webp").hasNext()).isTrue();
	}

}
