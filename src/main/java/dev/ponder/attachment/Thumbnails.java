package dev.ponder.attachment;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes the small picture the thread shows for an image: its longest side 320 pixels, a
 * JPEG for a photo, a PNG otherwise. None where the image is small already or cannot be
 * read (a WebP without a reader): the page then shows the original.
 */
@Component
class Thumbnails {

	static final int LONGEST_SIDE = 320;

	/**
	 * A 20 MB PNG can claim 30,000 pixels a side; such an image is read at every n-th
	 * pixel, so that a thumbnail never needs gigabytes of memory.
	 */
	private static final long MAX_PIXELS_READ = 4_000_000;

	private static final Logger log = LoggerFactory.getLogger(Thumbnails.class);

	Thumbnails() {
		// Image readers are found once, by the class loader of the first thread that
		// asks: asked here, at start-up, the app's own (with the WebP reader) is the one.
		ImageIO.scanForPlugins();
	}

	/** The thumbnail's bytes, or empty where the original serves as well. */
	Optional<byte[]> of(byte[] image, String contentType) {
		try {
			BufferedImage read = read(image);
			if (read == null || Math.max(read.getWidth(), read.getHeight()) <= LONGEST_SIDE) {
				return Optional.empty();
			}
			boolean photo = "image/jpeg".equals(contentType);
			BufferedImage small = scaled(read, photo);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(small, photo ? "jpeg" : "png", out);
			return Optional.of(out.toByteArray());
		}
		catch (IOException | RuntimeException ex) {
			log.debug("No thumbnail for a {} image: {}", contentType, ex.toString());
			return Optional.empty();
		}
	}

	/** The thumbnail's media type, the same rule as {@link #of}. */
	static String contentType(String originalType) {
		return "image/jpeg".equals(originalType) ? "image/jpeg" : "image/png";
	}

	private static BufferedImage read(byte[] image) throws IOException {
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
			if (!readers.hasNext()) {
				return null;
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				ImageReadParam param = reader.getDefaultReadParam();
				int step = (int) Math.ceil(Math.sqrt((double) pixels / MAX_PIXELS_READ));
				if (step > 1) {
					param.setSourceSubsampling(step, step, 0, 0);
				}
				return reader.read(0, param);
			}
			finally {
				reader.dispose();
			}
		}
	}

	private static BufferedImage scaled(BufferedImage image, boolean photo) {
		double scale = (double) LONGEST_SIDE / Math.max(image.getWidth(), image.getHeight());
		int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
		int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
		BufferedImage small = new BufferedImage(width, height,
				photo ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
		Graphics2D graphics = small.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			graphics.drawImage(image, 0, 0, width, height, null);
		}
		finally {
			graphics.dispose();
		}
		return small;
	}

}
