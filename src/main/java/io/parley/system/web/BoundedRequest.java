package io.parley.system.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import io.parley.system.ErrorCode;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body may be read up to a limit: reading past it throws the
 * {@link ErrorCode#PAYLOAD_TOO_LARGE} rule, which the exception handler answers with 413.
 */
final class BoundedRequest extends HttpServletRequestWrapper {

	private final long limit;

	private BoundedStream stream;

	private BufferedReader reader;

	BoundedRequest(HttpServletRequest request, long limit) {
		super(request);
		this.limit = limit;
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		if (this.stream == null) {
			this.stream = new BoundedStream(super.getInputStream(), this.limit);
		}
		return this.stream;
	}

	@Override
	public BufferedReader getReader() throws IOException {
		if (this.reader == null) {
			String encoding = getCharacterEncoding();
			Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
			this.reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}
		return this.reader;
	}

	/** Whether a reader tried to read past the limit. */
	boolean overran() {
		return this.stream != null && this.stream.overran;
	}

	private static final class BoundedStream extends ServletInputStream {

		private final ServletInputStream body;

		private final long limit;

		private long read;

		private boolean overran;

		BoundedStream(ServletInputStream body, long limit) {
			this.body = body;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int next = this.body.read();
			if (next >= 0) {
				count(1);
			}
			return next;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int count = this.body.read(buffer, offset, (int) Math.min(length, this.limit - this.read + 1));
			if (count > 0) {
				count(count);
			}
			return count;
		}

		private void count(int bytes) {
			this.read += bytes;
			if (this.read > this.limit) {
				this.overran = true;
				throw ErrorCode.PAYLOAD_TOO_LARGE.exception();
			}
		}

		@Override
		public boolean isFinished() {
			return this.body.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.body.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.body.setReadListener(listener);
		}

	}

}
