package fr.vigie.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.server.uploads.UploadLimits;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/**
 * An upload over the limit is answered 413 before its body is read, so that its page can say why.
 */
class UploadSizeGuardTest {

    final UploadSizeGuard guard =
            new UploadSizeGuard(new UploadLimits(DataSize.ofMegabytes(10), null, 0, 0));

    MockHttpServletResponse send(long length) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/clients/x/runs");
        request.setContentType("multipart/form-data; boundary=x");
        request.setContent(new byte[(int) length]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        guard.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void should_answer_413_to_an_upload_over_the_limit_and_let_the_others_through()
            throws Exception {
        assertThat(send(12L * 1024 * 1024).getStatus()).isEqualTo(413);
        assertThat(send(9L * 1024 * 1024).getStatus()).isEqualTo(200);
    }
}
