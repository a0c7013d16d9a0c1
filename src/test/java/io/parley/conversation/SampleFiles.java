package io.parley.conversation;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

/** Real files of each kind, made on the spot: images drawn, a PDF, a program. */
final class SampleFiles {

	private SampleFiles() {
	}

	static byte[] image(String format) {
		BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
		image.setRGB(1, 1, 0x2563eb);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("No writer for " + format);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** A lossless WebP of one pixel (RIFF, WEBP, VP8L). */
	static byte[] webp() {
		return new byte[] { 'R', 'I', 'F', 'F', 26, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'L', 13, 0, 0, 0, 0x2f,
				0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, (byte) 0x88, (byte) 0x88, (byte) 0xfe, 0x07, 0 };
	}

	static byte[] pdf() {
		return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
				+ "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

	static byte[] text() {
		return "Order 4711 arrived broken.\nThe box was open.\n".getBytes(StandardCharsets.UTF_8);
	}

	/** The start of a Linux program (ELF, x86-64). */
	static byte[] program() {
		byte[] elf = new byte[256];
		byte[] header = { 0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0, 1, 0, 0, 0 };
		System.arraycopy(header, 0, elf, 0, header.length);
		return elf;
	}

	/** A Windows program: MZ, and the PE header it points to. */
	static byte[] windowsProgram() {
		byte[] exe = new byte[512];
		exe[0] = 'M';
		exe[1] = 'Z';
		exe[0x3c] = (byte) 0x80;
		exe[0x80] = 'P';
		exe[0x81] = 'E';
		return exe;
	}

	static byte[] html() {
		return "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>\n".getBytes(StandardCharsets.UTF_8);
	}

}
