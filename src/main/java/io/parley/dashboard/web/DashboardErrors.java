package io.parley.dashboard.web;

import io.parley.system.ErrorCode;
import io.parley.system.ParleyException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refused action on a dashboard page answers a page (or, for htmx, a fragment) that
 * says why in the member's language, with the status the API would answer; never the JSON
 * envelope, never a stack trace.
 */
@ControllerAdvice(basePackageClasses = DashboardErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DashboardErrors {

	@ExceptionHandler(ParleyException.class)
	ModelAndView refused(ParleyException ex, HttpServletRequest request) {
		return page(ex.code(), request);
	}

	/** A form whose values do not even bind (a forged one: the pages send none such). */
	@ExceptionHandler(BindException.class)
	ModelAndView unbound(BindException ex, HttpServletRequest request) {
		return page(ErrorCode.INVALID_REQUEST_SCHEMA, request);
	}

	private static ModelAndView page(ErrorCode code, HttpServletRequest request) {
		boolean fragment = request.getHeader("HX-Request") != null;
		ModelAndView view = new ModelAndView(fragment ? "app/error :: message" : "app/error");
		view.addObject("failure", code);
		view.setStatus(HttpStatusCode.valueOf(code.status()));
		return view;
	}

}
