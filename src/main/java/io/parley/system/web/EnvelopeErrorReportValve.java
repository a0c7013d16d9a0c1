package io.parley.system.web;

import java.io.IOException;
import java.io.Writer;

import io.parley.system.ErrorCode;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Answers the requests Tomcat refuses before Spring sees them (a path that is no valid
 * URI, an oversized header, a bad {@code Host}) in the envelope instead of Tomcat's HTML
 * page. Tomcat makes it from its class name, for its host.
 */
public class EnvelopeErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		ErrorCode code = EnvelopeErrorController.forStatus(status);
		try {
			response.setContentType("application/json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				// the texts are the product's own: no character needs escaping
				writer.write("{\"success\":false,\"error\":\"" + code.text() + "\"}");
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the answer is already on its way: nothing more to say
		}
	}

}
