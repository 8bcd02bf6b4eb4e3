package fr.vigie.server.security;

import fr.vigie.server.uploads.UploadLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers an upload larger than the limit with its own error page (413), before anything reads the
 * body: read further, the form's CSRF token would be lost with the file, and the refusal would read
 * as "access denied".
 */
final class UploadSizeGuard extends OncePerRequestFilter {

    private final long limit;

    UploadSizeGuard(UploadLimits limits) {
        this.limit = limits.maxUpload().toBytes() + 1024 * 1024;
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null
                && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")
                && request.getContentLengthLong() > limit) {
            response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
            return;
        }
        chain.doFilter(request, response);
    }
}
