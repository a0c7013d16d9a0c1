package io.parley.dashboard.web;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code as an SVG path, drawn on the server from an {@code otpauth://} URI: the page
 * shows it without a script, an image request or an inline style, and the secret never
 * leaves the page.
 *
 * @param size the modules a side, the quiet zone included
 * @param path one square per dark module, for {@code <path d>}
 */
public record QrCode(int size, String path) {

	private static final int QUIET_ZONE = 2;

	static QrCode of(String text) {
		BitMatrix matrix;
		try {
			matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.MARGIN, QUIET_ZONE, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
		}
		catch (WriterException ex) {
			throw new IllegalStateException("Not encodable as a QR code", ex);
		}
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < matrix.getHeight(); y++) {
			for (int x = 0; x < matrix.getWidth(); x++) {
				if (matrix.get(x, y)) {
					path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
				}
			}
		}
		return new QrCode(matrix.getWidth(), path.toString());
	}

	/** For templates: {@code viewBox}. */
	public String viewBox() {
		return "0 0 " + this.size + " " + this.size;
	}

	@Override
	public String toString() {
		return "QrCode[secrets redacted]";
	}

}
