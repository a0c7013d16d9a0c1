package io.parley.realtime;

import io.parley.system.ErrorCode;

/**
 * Puts a text frame back together from the parts the container delivers, refusing to hold
 * more than a maximum: an oversized frame is read to its end and dropped, and the socket
 * stays open.
 */
final class FrameAssembler {

	private final int maxFrameSize;

	private final StringBuilder buffer = new StringBuilder(0);

	private boolean oversized;

	FrameAssembler(int maxFrameSize) {
		this.maxFrameSize = maxFrameSize;
	}

	/**
	 * @return the whole frame when {@code last}, {@code null} while parts are missing
	 * @throws io.parley.system.ParleyException when the frame turned out larger than the
	 * maximum
	 */
	String append(String part, boolean last) {
		if (last && this.buffer.isEmpty() && !this.oversized) {
			if (part.length() > this.maxFrameSize) {
				throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
			}
			return part;
		}
		if (!this.oversized) {
			if (this.buffer.length() + part.length() > this.maxFrameSize) {
				this.oversized = true;
				this.buffer.setLength(0);
				this.buffer.trimToSize();
			}
			else {
				this.buffer.append(part);
			}
		}
		if (!last) {
			return null;
		}
		boolean dropped = this.oversized;
		String frame = this.buffer.toString();
		this.oversized = false;
		this.buffer.setLength(0);
		this.buffer.trimToSize();
		if (dropped) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		return frame;
	}

}
