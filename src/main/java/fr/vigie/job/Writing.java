package fr.vigie.job;

import fr.vigie.audit.model.Finding;
import fr.vigie.audit.result.AuditListener;
import fr.vigie.audit.result.AuditResult;
import fr.vigie.audit.result.AuditScope;
import fr.vigie.audit.result.AuditedDeal;
import fr.vigie.audit.waivers.WaivedFinding;
import fr.vigie.common.CannotWriteException;
import fr.vigie.deals.input.Rejection;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

/**
 * A report writer whose failures to write (a full disk) are told as the output folder's, not as a
 * bug in Vigie.
 */
record Writing(AuditListener writer, Function<Exception, CannotWriteException> failure)
        implements AuditListener {

    @Override
    public void start(AuditScope scope) {
        run(() -> writer.start(scope));
    }

    @Override
    public void audited(AuditedDeal deal, List<Finding> findings) {
        run(() -> writer.audited(deal, findings));
    }

    @Override
    public void waived(AuditedDeal deal, List<WaivedFinding> waived) {
        run(() -> writer.waived(deal, waived));
    }

    @Override
    public void rejected(Rejection rejection) {
        run(() -> writer.rejected(rejection));
    }

    @Override
    public void finish(AuditResult result) {
        run(() -> writer.finish(result));
    }

    private void run(Runnable call) {
        try {
            call.run();
        } catch (UncheckedIOException e) {
            throw failure.apply(e);
        }
    }
}
