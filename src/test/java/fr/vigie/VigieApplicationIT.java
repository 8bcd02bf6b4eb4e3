package fr.vigie;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The Spring Boot entry point runs a command and hands back its exit code, with nothing but the command's output. */
@ExtendWith(OutputCaptureExtension.class)
class VigieApplicationIT {

  @Test
  void should_run_a_command_through_spring_and_return_its_exit_code(CapturedOutput output) {
    int code = VigieApplication.run("validate", "fixtures/durand-industrie", "--standard-rules", "rules");
    assertThat(code).isZero();
    assertThat(output.getOut()).isEqualTo("fixtures/durand-industrie is valid: 2 process(es), 35 rules.\n");
    assertThat(output.getErr()).isEmpty();
  }

  @Test
  void should_return_2_for_an_input_error(CapturedOutput output) {
    int code = VigieApplication.run("audit", "fixtures/no-such-client", "--standard-rules", "rules");
    assertThat(code).isEqualTo(2);
    assertThat(output.getErr()).contains("no such workspace folder").doesNotContain("Exception");
  }
}
