package io.parley.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** A real PNG, drawn on the spot: 64 by 48 pixels, a blue rectangle on black. */
public final class SampleImage {

	private SampleImage() {
	}

	public static byte[] png() {
		BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		for (int x = 8; x < 56; x++) {
			for (int y = 8; y < 40; y++) {
				image.setRGB(x, y, 0x2563eb);
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
