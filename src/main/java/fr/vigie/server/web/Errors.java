package fr.vigie.server.web;

import fr.vigie.server.uploads.UploadLimits;
import fr.vigie.server.uploads.UploadRefused;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * How errors reach the person: a page in their language, never a stack trace nor an exception's
 * text.
 */
@ControllerAdvice
class Errors {

    private final UploadLimits limits;

    Errors(UploadLimits limits) {
        this.limits = limits;
    }

    /** An id that is not one (a malformed UUID) is a page that does not exist. */
    @ExceptionHandler({
        MethodArgumentTypeMismatchException.class,
        NoResourceFoundException.class,
        NotFound.class
    })
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest() {
        return "error/400";
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    @ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
    String tooLarge(org.springframework.ui.Model model) {
        model.addAttribute("uploadLimitMb", limits.maxUploadMegabytes());
        return "error/413";
    }

    @ExceptionHandler(UploadRefused.class)
    @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
    String refused(UploadRefused refused, org.springframework.ui.Model model) {
        model.addAttribute("reason", refused.getMessage());
        return "error/refused";
    }
}
