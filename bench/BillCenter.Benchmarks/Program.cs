using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using BillCenter.Benchmarks;
using BillCenter.Modules.Notifications.Dispatch;
using BillCenter.Testing;

// bench/run.sh starts the servers and runs this program; see BenchOptions.Usage for the options.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (HelpRequestedException)
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}
catch (Exception exception) when (exception is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

// bench/run.sh stops the benchmark with SIGTERM: end the way Ctrl-C does, with the report of what is done.
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancellation.Cancel();
});

if (options.Postgres is not null)
{
    // BillCenterApp creates (and drops) a database per app on the server named here.
    Environment.SetEnvironmentVariable("BILLCENTER_TEST_POSTGRES", options.Postgres);
}

var databases = new List<TestDatabase>();
if (!options.SkipSqlite)
{
    databases.Add(TestDatabase.Sqlite);
}

if (options.Postgres is not null)
{
    databases.Add(TestDatabase.Postgres);
}

var smsConcurrency = new DispatchOptions().SmsConcurrency;
var totalWatch = Stopwatch.StartNew();
var results = new List<ScenarioResult>();
await using var twilio = options.Scenarios.Contains(Scenario.Sms) ? await FakeTwilio.StartAsync() : null;
var exitCode = 0;
try
{
    foreach (var database in databases)
    {
        foreach (var scenario in options.Scenarios)
        {
            var name = $"{BenchOptions.Name(scenario)} on {database}";
            Log($"{name}: ceiling");
            var ceiling = scenario switch
            {
                Scenario.EmailStore => await Ceilings.MailKitAsync(options.SmtpStore!, options.CeilingCount, options.SmtpStorePid, cancellation.Token),
                Scenario.EmailSink => await Ceilings.MailKitAsync(options.SmtpSink!, options.CeilingCount, options.SmtpSinkPid, cancellation.Token),
                _ => await Ceilings.HttpClientAsync(twilio!, options.CeilingCount, smsConcurrency, options.TwilioLatency, cancellation.Token),
            };
            Log(Invariant($"{name}: ceiling {ceiling.Name}: {ceiling.PerSecond:0}/s"));

            foreach (var mode in options.Modes)
            {
                Log($"{name}: {mode}: queueing {options.Count} alerts and draining");
                var dispatch = await Dispatch.RunAsync(mode, scenario, database, options, twilio, cancellation.Token);
                Log(string.Create(CultureInfo.InvariantCulture, $"{name}: {mode}: queued in {dispatch.QueueTime.TotalSeconds:0.0} s ({dispatch.QueuedPerSecond:0}/s), drained in {dispatch.Drain.TotalSeconds:0.0} s: " +
                              $"{dispatch.PerSecond:0} sent/s = {100 * dispatch.PerSecond / ceiling.PerSecond:0} % of the ceiling" +
                              $"{(dispatch.TimedOut ? " (TIMED OUT)" : string.Empty)}"));
                if (dispatch.TimedOut || dispatch.Sent != dispatch.Notifications)
                {
                    exitCode = 1;
                }

                results.Add(new ScenarioResult(dispatch, ceiling));
            }
        }
    }
}
catch (Exception exception) when (cancellation.IsCancellationRequested && exception is OperationCanceledException or ObjectDisposedException)
{
    Log("interrupted");
    exitCode = 130;
}

totalWatch.Stop();
if (results.Count > 0)
{
    var markdown = Report.Render(options, results, totalWatch.Elapsed);
    Console.WriteLine();
    Console.WriteLine(markdown);
    if (options.Output is { } output)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, markdown);
        Log($"results written to {output}");
    }
}

return exitCode;

static void Log(string message) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
