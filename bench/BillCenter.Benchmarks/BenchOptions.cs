using System.Globalization;

namespace BillCenter.Benchmarks;

internal enum Scenario
{
    /// <summary>Email to an SMTP server that stores every message (aiosmtpd Mailbox → Maildir).</summary>
    EmailStore,

    /// <summary>Email to an SMTP server that discards every message (aiosmtpd Sink).</summary>
    EmailSink,

    /// <summary>SMS to the fake Twilio Messages API (201 for every message).</summary>
    Sms,
}

internal sealed record SmtpEndpoint(string Host, int Port)
{
    public static SmtpEndpoint Parse(string value)
    {
        var colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            throw new ArgumentException($"Expected host:port, got '{value}'.");
        }

        return new SmtpEndpoint(value[..colon], port);
    }

    public override string ToString() => $"{Host}:{Port}";
}

/// <summary>Command-line options. Everything has a default except the servers, which bench/run.sh starts.</summary>
internal sealed class BenchOptions
{
    public int Count { get; private set; } = 10_000;

    /// <summary>Messages per ceiling loop; 0 means the same as <see cref="Count"/>.</summary>
    public int CeilingCount { get; private set; } = 3_000;

    public int Accounts { get; private set; } = 200;

    /// <summary>Callers queueing alerts at once (requests or outbox handlers in real life).</summary>
    public int QueueParallelism { get; private set; } = 4;

    public SmtpEndpoint? SmtpStore { get; private set; }

    public SmtpEndpoint? SmtpSink { get; private set; }

    /// <summary>Maildir of the storing server: the benchmark checks that exactly one message per alert arrived.</summary>
    public string? Maildir { get; private set; }

    /// <summary>Process ids of the SMTP servers, to report their CPU time (Linux /proc).</summary>
    public int? SmtpStorePid { get; private set; }

    public int? SmtpSinkPid { get; private set; }

    public string? Postgres { get; private set; }

    public bool SkipSqlite { get; private set; }

    public IReadOnlyList<Scenario> Scenarios { get; private set; } = [Scenario.EmailStore, Scenario.EmailSink, Scenario.Sms];

    public IReadOnlyList<RunMode> Modes { get; private set; } = [RunMode.Backlog];

    public TimeSpan DrainTimeout { get; private set; } = TimeSpan.FromMinutes(10);

    public string? Output { get; private set; }

    /// <summary>How long the fake Twilio takes to answer (0: at once; the real API takes of the order of 100 ms).</summary>
    public TimeSpan TwilioLatency { get; private set; }

    /// <summary>Experiment: PRAGMA busy_timeout on every SQLite connection of the app (not set by the app itself).</summary>
    public TimeSpan? SqliteBusyTimeout { get; private set; }

    /// <summary>Backlog mode: wait this long between queueing and the drain (to attach a profiler).</summary>
    public TimeSpan PauseBeforeDrain { get; private set; }

    /// <summary>Keep the app's own log levels (Information: one line per SMS, four more from HttpClient).</summary>
    public bool AppLogging { get; private set; }

    public const string Usage = """
        BillCenter.Benchmarks: queue alerts into the whole app and measure the drain, next to the raw ceiling.

          --count N              alerts to queue per scenario (default 10000)
          --ceiling-count N      messages per bare MailKit/HttpClient loop (default 3000; 0 = same as --count)
          --accounts N           card accounts the alerts are spread over (default 200)
          --queue-parallelism N  callers queueing at once (default 4)
          --smtp-store HOST:PORT storing SMTP server (scenario email-store)
          --maildir DIR          its Maildir (optional: counts what arrived)
          --smtp-store-pid PID   its process id (optional: reports its CPU time)
          --smtp-sink HOST:PORT  discarding SMTP server (scenario email-sink)
          --smtp-sink-pid PID    its process id (optional)
          --postgres CONNSTR     also run on PostgreSQL (role with CREATEDB; a database per scenario)
          --no-sqlite            only PostgreSQL
          --scenarios LIST       comma-separated: email-store,email-sink,sms (default: all whose server is given)
          --mode MODE            backlog (default): the app's jobs are held while the alerts are queued, then the
                                 drain is timed alone; live: jobs dispatch while alerts are being queued, timed
                                 from the first alert; both
          --timeout SECONDS      give up on a drain after this long (default 600)
          --app-logging          keep the app's Information logging (default: Warning and up only)
          --twilio-latency MS    the fake Twilio answers after MS milliseconds (default 0; real Twilio: ~100+)
          --sqlite-busy-timeout MS  experiment: PRAGMA busy_timeout on the app's SQLite connections (the app sets none)
          --pause-before-drain S backlog mode: wait S seconds before releasing the drain (to attach dotnet-trace)
          --output FILE          also write the results as Markdown to FILE
        """;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        var scenariosGiven = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number() => int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--count": options.Count = Number(); break;
                case "--ceiling-count": options.CeilingCount = Number(); break;
                case "--accounts": options.Accounts = Number(); break;
                case "--queue-parallelism": options.QueueParallelism = Math.Max(1, Number()); break;
                case "--smtp-store": options.SmtpStore = SmtpEndpoint.Parse(Value()); break;
                case "--maildir": options.Maildir = Value(); break;
                case "--smtp-store-pid": options.SmtpStorePid = Number(); break;
                case "--smtp-sink": options.SmtpSink = SmtpEndpoint.Parse(Value()); break;
                case "--smtp-sink-pid": options.SmtpSinkPid = Number(); break;
                case "--postgres": options.Postgres = Value(); break;
                case "--no-sqlite": options.SkipSqlite = true; break;
                case "--timeout": options.DrainTimeout = TimeSpan.FromSeconds(Number()); break;
                case "--mode":
                    options.Modes = Value() switch
                    {
                        "backlog" => [RunMode.Backlog],
                        "live" => [RunMode.Live],
                        "both" => [RunMode.Backlog, RunMode.Live],
                        var other => throw new ArgumentException($"Unknown mode '{other}' (backlog, live, both)."),
                    };
                    break;
                case "--app-logging": options.AppLogging = true; break;
                case "--twilio-latency": options.TwilioLatency = TimeSpan.FromMilliseconds(Number()); break;
                case "--sqlite-busy-timeout": options.SqliteBusyTimeout = TimeSpan.FromMilliseconds(Number()); break;
                case "--pause-before-drain": options.PauseBeforeDrain = TimeSpan.FromSeconds(Number()); break;
                case "--output": options.Output = Value(); break;
                case "--scenarios":
                    options.Scenarios = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParseScenario).ToList();
                    scenariosGiven = true;
                    break;
                case "-h" or "--help":
                    throw new HelpRequestedException();
                default:
                    throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }

        if (options.Count <= 0 || options.Accounts <= 0)
        {
            throw new ArgumentException("--count and --accounts must be positive.");
        }

        if (options.CeilingCount <= 0)
        {
            options.CeilingCount = options.Count;
        }

        if (!scenariosGiven)
        {
            // Default: every scenario whose server was given (SMS needs none: the fake runs in-process).
            options.Scenarios = options.Scenarios
                .Where(s => s switch { Scenario.EmailStore => options.SmtpStore is not null, Scenario.EmailSink => options.SmtpSink is not null, _ => true })
                .ToList();
        }
        else if (options.Scenarios.Contains(Scenario.EmailStore) && options.SmtpStore is null ||
                 options.Scenarios.Contains(Scenario.EmailSink) && options.SmtpSink is null)
        {
            throw new ArgumentException("An email scenario needs its SMTP server (--smtp-store / --smtp-sink).");
        }

        if (options.SkipSqlite && options.Postgres is null)
        {
            throw new ArgumentException("--no-sqlite needs --postgres.");
        }

        return options;
    }

    public static string Name(Scenario scenario) => scenario switch
    {
        Scenario.EmailStore => "email-store",
        Scenario.EmailSink => "email-sink",
        _ => "sms",
    };

    private static Scenario ParseScenario(string name) => name switch
    {
        "email-store" => Scenario.EmailStore,
        "email-sink" => Scenario.EmailSink,
        "sms" => Scenario.Sms,
        _ => throw new ArgumentException($"Unknown scenario '{name}' (email-store, email-sink, sms)."),
    };
}

internal sealed class HelpRequestedException : Exception
{
    public HelpRequestedException()
        : base("help")
    {
    }
}
