package dev.ponder.attachment;

import java.io.IOException;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The text of a PDF (Apache PDFBox), for servers and models that cannot read PDFs
 * themselves.
 */
@Component
public class PdfText {

	/** About 250,000 tokens: more is past any model's context. */
	static final int LONGEST = 1_000_000;

	private static final Logger log = LoggerFactory.getLogger(PdfText.class);

	/** The text, up to {@value #LONGEST} characters; empty where it cannot be read. */
	public Optional<String> of(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document).strip();
			return Optional.of((text.length() > LONGEST) ? text.substring(0, LONGEST) : text);
		}
		catch (IOException | RuntimeException ex) {
			log.debug("Cannot read the text of a PDF: {}", ex.toString());
			return Optional.empty();
		}
	}

}
