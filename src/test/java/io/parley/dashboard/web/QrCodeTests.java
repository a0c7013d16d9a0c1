package io.parley.dashboard.web;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The QR code the second factor's page draws reads back as the key's URI. */
class QrCodeTests {

	private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");

	private static final int SCALE = 4;

	@Test
	void theDrawnCodeReadsAsTheUri() throws Exception {
		String uri = "otpauth://totp/Parley:ada%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Parley"
				+ "&algorithm=SHA1&digits=6&period=30";
		QrCode code = QrCode.of(uri);

		int side = code.size() * SCALE;
		int[] pixels = new int[side * side];
		Arrays.fill(pixels, 0xffffffff);
		Matcher module = MODULE.matcher(code.path());
		while (module.find()) {
			int x = Integer.parseInt(module.group(1));
			int y = Integer.parseInt(module.group(2));
			for (int dy = 0; dy < SCALE; dy++) {
				for (int dx = 0; dx < SCALE; dx++) {
					pixels[(y * SCALE + dy) * side + x * SCALE + dx] = 0xff000000;
				}
			}
		}
		String read = new QRCodeReader()
			.decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(side, side, pixels))))
			.getText();

		assertThat(code.viewBox()).isEqualTo("0 0 " + code.size() + " " + code.size());
		assertThat(read).isEqualTo(uri);
		assertThat(code.toString()).doesNotContain("JBSWY3DP");
	}

}
