package fr.vigie;

import fr.vigie.cli.Vigie;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.Banner;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Vigie's entry point: a Spring Boot application that runs one command and exits with its code. */
@SpringBootApplication(scanBasePackages = "fr.vigie.app")
public class VigieApplication {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs one command in a Spring context and returns its exit code. */
  public static int run(String... args) {
    SpringApplication application = new SpringApplication(VigieApplication.class);
    application.setBannerMode(Banner.Mode.OFF);
    application.setWebApplicationType(WebApplicationType.NONE);
    application.setLogStartupInfo(false);
    application.setAddCommandLineProperties(false);
    return SpringApplication.exit(application.run(args));
  }

  @Bean
  CommandRunner commandRunner() {
    return new CommandRunner();
  }

  /** Runs the command given on the command line and keeps its exit code for Spring Boot. */
  static final class CommandRunner implements CommandLineRunner, ExitCodeGenerator {
    private int exitCode;

    @Override
    public void run(String... args) {
      PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
      PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
      exitCode = Vigie.run(out, err, args);
    }

    @Override
    public int getExitCode() {
      return exitCode;
    }
  }
}
