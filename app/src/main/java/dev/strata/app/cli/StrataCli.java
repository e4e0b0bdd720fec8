package dev.strata.app.cli;

import dev.strata.composition.AdapterSettings;
import dev.strata.composition.ConfigurationKeys;
import dev.strata.composition.StateFileException;
import dev.strata.composition.StrataConfiguration;
import dev.strata.composition.WiredStrata;
import dev.strata.composition.Wiring;
import dev.strata.ports.driving.Strata;
import dev.strata.ports.application.IdempotencyMode;
import dev.strata.domain.AccountId;
import dev.strata.domain.Partition;
import dev.strata.domain.Region;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code strata}: the top-level command. Its options configure the Strata that a subcommand runs
 * on; like the AWS CLI's global options they may come before or after the
 * subcommand.
 *
 * <p>With the in-memory store each invocation runs on a fresh Strata. With {@code --state FILE} (or {@code
 * STRATA_STATE}, or the {@code state} key) it runs on the SQLite state file FILE, where each change
 * is committed before the command answers, so that a sequence of invocations, and a {@code serve}
 * on the same file, behave like one long-lived service.
 *
 * <p>Exit codes follow the AWS CLI: 0 success, 2 usage error (the message and a {@code Try
 * 'strata CMD --help'} line on stderr; a file that cannot be read, understood or written, or a
 * state file that is not one: one line naming it), 254 the service answered with an error ({@code
 * An error occurred (Code) when calling the Operation operation: message} on stderr), 255 the chosen
 * AWS adapters could not start, the address could not be listened on, or the state file's path
 * cannot hold it (one line on stderr). See {@link ErrorReports}.
 *
 * <p>Every global option but {@code --config} is a configuration key too ({@code store}, {@code
 * aws.region}, {@code region}, {@code quota.L-FE44174A}, ...) and may also come from a properties
 * file ({@code --config FILE} or {@code STRATA_CONFIG}) and from {@code STRATA_*} environment
 * variables; later wins: file, environment, flags ({@link ConfigurationKeys}, which a Java service
 * reads through {@code StrataSettings}, with the same checks and messages).
 */
@Command(
    name = "strata",
    mixinStandardHelpOptions = true,
    versionProvider = StrataCli.Version.class,
    description = {
      "Amazon Bedrock provisioned throughput, in memory or on AWS adapters (--store aws, ...).",
      "Every invocation starts empty unless --state (or STRATA_STATE) names a file to keep the"
          + " provisioned throughputs in between invocations, or --store aws keeps them in a"
          + " DynamoDB table."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "2:usage error, a file that cannot be read, understood or written, or a state file that is"
          + " not one (not SQLite, corrupt, unknown version, JSON)",
      StrataCli.SERVICE_ERROR + ":the service answered with an error",
      StrataCli.ADAPTERS_FAILED
          + ":the chosen AWS adapters could not start (e.g. DynamoDB unreachable), serve could not"
          + " listen (e.g. the port is in use), or the state file's path cannot hold it"
    })
public final class StrataCli implements Callable<Integer> {
  /** The AWS CLI's exit code for an error response from the service. */
  public static final int SERVICE_ERROR = 254;

  /**
   * The AWS CLI's exit code for a command that failed otherwise: here, adapters that could not
   * start, or an address that could not be listened on.
   */
  public static final int ADAPTERS_FAILED = 255;

  /** The AWS CLI's exit code for a command line it cannot run. */
  public static final int USAGE_ERROR = 2;

  /** The environment variable that names the state file when {@code --state} is not given. */
  public static final String STATE_VARIABLE = "STRATA_STATE";

  /**
   * Keeps Hibernate Validator's start-up banner (an INFO record through java.util.logging) off
   * stderr, which carries only usage and service errors. Held here: JUL keeps loggers weakly.
   */
  private static final Logger VALIDATOR_LOG = Logger.getLogger("org.hibernate.validator");

  static {
    VALIDATOR_LOG.setLevel(Level.WARNING);
  }

  /** The subcommands, in the order usage help lists them; registered by {@link #commandLine}. */
  private static final List<Class<?>> SUBCOMMANDS =
      List.of(
          ServeCommand.class,
          CreateCommand.class,
          GetCommand.class,
          ListCommand.class,
          UpdateCommand.class,
          DeleteCommand.class,
          TagCommand.class,
          UntagCommand.class,
          TagsCommand.class,
          ImportCommand.class,
          ExportCommand.class);

  @Spec private CommandSpec spec;

  @Option(
      names = "--partition",
      scope = ScopeType.INHERIT,
      converter = PartitionConverter.class,
      description = "Partition of the in-memory account. Default: " + StrataConfiguration.DEFAULT_PARTITION + ".")
  private Partition partition;

  @Option(
      names = "--region",
      scope = ScopeType.INHERIT,
      converter = RegionConverter.class,
      description = "Region of the in-memory account. Default: " + StrataConfiguration.DEFAULT_REGION + ".")
  private Region region;

  @Option(
      names = "--account",
      scope = ScopeType.INHERIT,
      converter = AccountConverter.class,
      description = "Twelve-digit id of the in-memory account. Default: " + StrataConfiguration.DEFAULT_ACCOUNT + ".")
  private AccountId account;

  @Option(
      names = "--seed",
      scope = ScopeType.INHERIT,
      description =
          "Seed of the in-memory ARN minter: the same seed mints the same ARNs. Default: "
              + StrataConfiguration.DEFAULT_SEED
              + ".")
  private Long seed;

  @Option(
      names = "--transitions",
      scope = ScopeType.INHERIT,
      paramLabel = "POLICY",
      description =
          "When Creating and Updating move on (D9): immediate, manual, after-reads:N or"
              + " after-duration:ISO-8601 (e.g. after-duration:PT30S). Default: "
              + StrataConfiguration.IMMEDIATE
              + ".")
  private String transitions;

  @Option(
      names = "--idempotency",
      scope = ScopeType.INHERIT,
      paramLabel = "MODE",
      description =
          "A client request token reused with other parameters (D3): LENIENT returns the original"
              + " ARN, STRICT answers ValidationException. Default: LENIENT.")
  private IdempotencyMode idempotency;

  @Option(
      names = "--quota",
      scope = ScopeType.INHERIT,
      paramLabel = "LEDGER=UNITS",
      description =
          "Model-unit limit of a ledger (D14), repeatable: L-FE44174A (no commitment, base models),"
              + " L-BE77399C (no commitment, custom models) or committed (each base model)."
              + " Default: "
              + "1000 each.")
  private Map<String, Long> quotas = new LinkedHashMap<>();

  @Option(
      names = "--state",
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      description =
          "SQLite file that keeps the provisioned throughputs, their quota usage and the ARN"
              + " minter's position; every change is committed before it is answered; created if"
              + " missing; serve and other invocations may share it. Default: $"
              + STATE_VARIABLE
              + " when set. Without either, every invocation starts empty.")
  private Path state;

  @Option(
      names = "--config",
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      description =
          "Properties file with settings (catalog, quotas, arns, store, aws.region, table,"
              + " create-table, endpoint.SERVICE, state, partition, region, account, seed,"
              + " transitions, idempotency, quota.LEDGER). Default: $"
              + ConfigurationKeys.CONFIG_VARIABLE
              + " when set. Environment variables (STRATA_STORE, ...) override it; flags override both.")
  private Path config;

  @Option(
      names = "--catalog",
      scope = ScopeType.INHERIT,
      paramLabel = "ADAPTER",
      description = "Model catalog: inmemory (seeded models) or aws (Bedrock). Default: inmemory.")
  private String catalogAdapter;

  @Option(
      names = "--quotas",
      scope = ScopeType.INHERIT,
      paramLabel = "ADAPTER",
      description =
          "Where model-unit limits come from: inmemory (--quota figures) or aws (Service Quotas;"
              + " needs --store aws). Usage is kept by the store. Default: inmemory.")
  private String quotasAdapter;

  @Option(
      names = "--arns",
      scope = ScopeType.INHERIT,
      paramLabel = "ADAPTER",
      description = "ARN minter: inmemory (seeded, --account) or aws (STS caller account). Default: inmemory.")
  private String arnsAdapter;

  @Option(
      names = "--store",
      scope = ScopeType.INHERIT,
      paramLabel = "ADAPTER",
      description =
          "Where provisioned throughputs and quota usage live: inmemory (this process) or aws"
              + " (a DynamoDB table, shared by every instance). Default: inmemory.")
  private String storeAdapter;

  @Option(
      names = "--aws-region",
      scope = ScopeType.INHERIT,
      paramLabel = "REGION",
      description = "Region of the AWS clients. Default: --region.")
  private String awsRegion;

  @Option(
      names = "--table",
      scope = ScopeType.INHERIT,
      paramLabel = "NAME",
      description = "DynamoDB table of --store aws. Default: " + AdapterSettings.DEFAULT_TABLE + ".")
  private String table;

  @Option(
      names = "--create-table",
      scope = ScopeType.INHERIT,
      paramLabel = "BOOLEAN",
      description = "Create the DynamoDB table on start if it is absent: true or false. Default: true.")
  private String createTable;

  @Option(
      names = "--endpoint",
      scope = ScopeType.INHERIT,
      paramLabel = "SERVICE=URI",
      description =
          "Endpoint that replaces AWS's for one service (bedrock, servicequotas, sts, dynamodb),"
              + " repeatable, e.g. dynamodb=http://127.0.0.1:8000.")
  private Map<String, String> endpoints = new LinkedHashMap<>();

  private final Map<String, String> environment;

  /** A command line that reads {@code STRATA_STATE} from the process environment. */
  public StrataCli() {
    this(System.getenv());
  }

  StrataCli(Map<String, String> environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  public static void main(String... args) {
    if (Arrays.asList(args).contains("serve")) {
      ServeWarmUp.start();
    }
    System.exit(commandLine(new StrataCli(), args).execute(args));
  }

  /**
   * The command line for {@code cli} to run {@code args}, reporting what stops it as {@link
   * ErrorReports} says. It holds the subcommands {@code args} names, or all when it names none:
   * picocli builds each registered command's model by reflection, and an argument that is no
   * subcommand's name cannot select one, so leaving the others out changes no outcome.
   */
  private static CommandLine commandLine(StrataCli cli, String... args) {
    CommandLine line = new CommandLine(cli);
    List<String> given = Arrays.asList(args);
    boolean namesOne = SUBCOMMANDS.stream().anyMatch(c -> namedIn(c, given));
    // A loop, not a method reference to line: a lambda bound to CommandLine (an old, Java 5 class
    // file) links it while the class-data-sharing archive is dumped, which then leaves it out.
    for (Class<?> subcommand : SUBCOMMANDS) {
      if (!namesOne || namedIn(subcommand, given)) {
        line.addSubcommand(subcommand);
      }
    }
    ErrorReports reports = new ErrorReports();
    return line.setParameterExceptionHandler(reports).setExecutionExceptionHandler(reports);
  }

  private static boolean namedIn(Class<?> subcommand, List<String> args) {
    Command command = subcommand.getAnnotation(Command.class);
    return args.contains(command.name()) || Arrays.stream(command.aliases()).anyMatch(args::contains);
  }

  /** Runs the command line with {@code args}, writing to {@code out} and {@code err}; the exit code. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    return execute(System.getenv(), out, err, args);
  }

  /**
   * {@link #execute(PrintWriter, PrintWriter, String...)} in the environment {@code environment}
   * (instead of the process's: {@code STRATA_STATE}, {@code STRATA_CONFIG} and the {@code STRATA_*}
   * adapter settings).
   */
  public static int execute(
      Map<String, String> environment, PrintWriter out, PrintWriter err, String... args) {
    return commandLine(new StrataCli(environment), args).setOut(out).setErr(err).execute(args);
  }

  /** Without a subcommand there is nothing to do: a usage error, as with the AWS CLI. */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing required subcommand");
  }

  /**
   * The Strata the global options describe: the defaults, then the configuration file, then the
   * environment, then flags ({@link ConfigurationKeys#resolve}); a bad value is a usage error.
   */
  StrataConfiguration configuration() {
    Optional<Path> file =
        Optional.ofNullable(config)
            .or(() -> nonEmpty(environment.get(ConfigurationKeys.CONFIG_VARIABLE)).map(Path::of));
    Map<String, String> flags = new LinkedHashMap<>();
    putIfGiven(flags, ConfigurationKeys.PARTITION, partition == null ? null : partition.value());
    putIfGiven(flags, ConfigurationKeys.REGION, region == null ? null : region.value());
    putIfGiven(flags, ConfigurationKeys.ACCOUNT, account == null ? null : account.value());
    putIfGiven(flags, ConfigurationKeys.SEED, seed == null ? null : seed.toString());
    putIfGiven(flags, ConfigurationKeys.TRANSITIONS, transitions);
    putIfGiven(flags, ConfigurationKeys.IDEMPOTENCY, idempotency == null ? null : idempotency.name());
    quotas.forEach((ledger, units) -> flags.put(ConfigurationKeys.QUOTA_PREFIX + ledger, units.toString()));
    putIfGiven(flags, ConfigurationKeys.CATALOG, catalogAdapter);
    putIfGiven(flags, ConfigurationKeys.QUOTAS, quotasAdapter);
    putIfGiven(flags, ConfigurationKeys.ARNS, arnsAdapter);
    putIfGiven(flags, ConfigurationKeys.STORE, storeAdapter);
    putIfGiven(flags, ConfigurationKeys.AWS_REGION, awsRegion);
    putIfGiven(flags, ConfigurationKeys.TABLE, table);
    putIfGiven(flags, ConfigurationKeys.CREATE_TABLE, createTable);
    putIfGiven(flags, ConfigurationKeys.STATE, state == null ? null : state.toString());
    endpoints.forEach((service, uri) -> flags.put(ConfigurationKeys.ENDPOINT_PREFIX + service, uri));
    try {
      return ConfigurationKeys.resolve(
          StrataConfiguration.defaults(),
          file.map(ConfigurationKeys::read).orElse(Map.of()),
          environment,
          flags,
          key -> "the command line");
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private static void putIfGiven(Map<String, String> flags, String key, String value) {
    if (value != null) {
      flags.put(key, value);
    }
  }

  private static Optional<String> nonEmpty(String value) {
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  /**
   * {@code operation} on the Strata the global options describe, with the adapters it chooses
   * (the state file, if any), closed afterwards.
   *
   * @throws StateFileException when the state file is not one
   * @throws WiringException when the adapters cannot start or the state file's path cannot hold it
   */
  <T> T onStrata(Function<Strata, T> operation) {
    try (WiredStrata wired = Wiring.open(configuration())) {
      return operation.apply(wired.strata());
    }
  }

  /** The environment variable {@code name} of this command line, when set and not empty. */
  Optional<String> variable(String name) {
    return nonEmpty(environment.get(name));
  }

  /**
   * Runs {@code transfer} on the state file the global options name and prints the line it
   * answers; the exit code. A state file that is not one, or a document that cannot be read or
   * written, is a usage error.
   */
  int onStateFile(CommandSpec command, String name, Function<Path, String> transfer) {
    Optional<Path> file = configuration().adapters().state();
    PrintWriter err = command.commandLine().getErr();
    if (file.isEmpty()) {
      throw new ParameterException(
          command.commandLine(), name + " needs --state PATH (or " + STATE_VARIABLE + "): the state file");
    }
    String done;
    try {
      done = transfer.apply(file.get());
    } catch (StateFileException e) {
      err.println(e.getMessage());
      err.flush();
      return USAGE_ERROR;
    }
    PrintWriter out = command.commandLine().getOut();
    out.println(done);
    out.flush();
    return 0;
  }

  private static <T> T valid(Validation<Seq<String>, T> parsed) {
    if (parsed.isInvalid()) {
      throw new TypeConversionException(parsed.getError().mkString("; "));
    }
    return parsed.get();
  }

  static final class PartitionConverter implements ITypeConverter<Partition> {
    @Override
    public Partition convert(String value) {
      return valid(Partition.parse(value));
    }
  }

  static final class RegionConverter implements ITypeConverter<Region> {
    @Override
    public Region convert(String value) {
      return valid(Region.parse(value));
    }
  }

  static final class AccountConverter implements ITypeConverter<AccountId> {
    @Override
    public AccountId convert(String value) {
      return valid(AccountId.parse(value));
    }
  }

  /** {@code strata <version>} from the jar's Maven descriptor, or {@code development} without one. */
  static final class Version implements IVersionProvider {
    private static final String DESCRIPTOR = "/META-INF/maven/dev.strata/strata-app/pom.properties";

    @Override
    public String[] getVersion() throws IOException {
      String version = "development";
      try (InputStream in = StrataCli.class.getResourceAsStream(DESCRIPTOR)) {
        if (in != null) {
          Properties p = new Properties();
          p.load(in);
          version = p.getProperty("version", version);
        }
      }
      return new String[] {
        "strata " + version, "Amazon Bedrock control plane API 2023-04-20, in-memory and AWS adapters"
      };
    }
  }
}
