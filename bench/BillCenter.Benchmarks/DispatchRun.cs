using System.Diagnostics;
using System.Globalization;
using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Notifications.Data;
using BillCenter.SharedKernel.Cards;
using BillCenter.SharedKernel.Money;
using BillCenter.Testing;
using Hangfire;
using Hangfire.Storage;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.Benchmarks;

/// <summary>How queueing and dispatch meet.</summary>
internal enum RunMode
{
    /// <summary>The Notifications jobs are held while the alerts are queued, then released: the drain is timed alone.</summary>
    Backlog,

    /// <summary>Nothing held: jobs dispatch while alerts are still being queued; timed from the first alert.</summary>
    Live,
}

internal sealed record DispatchResult(
    RunMode Mode,
    Scenario Scenario,
    TestDatabase Database,
    int Alerts,
    int Notifications,
    TimeSpan HostStart,
    TimeSpan QueueTime,
    TimeSpan QueueCpu,
    IReadOnlyDictionary<string, SqlStat> QueueSql,
    int SentWhenQueued,
    TimeSpan Drain,
    TimeSpan? FirstSent,
    bool TimedOut,
    IReadOnlyDictionary<NotificationStatus, int> Statuses,
    int Retried,
    long Jobs,
    long MaxJobsAtOnce,
    int? Delivered,
    TimeSpan DrainCpu,
    TimeSpan? ServerCpu,
    IReadOnlyDictionary<string, SqlStat> DrainSql,
    ChannelStats Channel)
{
    public int Sent => Statuses.GetValueOrDefault(NotificationStatus.Sent);

    /// <summary>Notifications recorded as sent per second of the drain.</summary>
    public double PerSecond => Sent / Drain.TotalSeconds;

    public double QueuedPerSecond => Alerts / QueueTime.TotalSeconds;
}

/// <summary>
/// One end-to-end run: the whole app with its Hangfire server, alerts queued through the Notifications contract,
/// dispatched by the app's own jobs to the real server, until every notification is recorded as Sent.
/// </summary>
internal static class Dispatch
{
    public const string From = "BillCenter <alerts@billcenter.bench>";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public static async Task<DispatchResult> RunAsync(
        RunMode mode, Scenario scenario, TestDatabase database, BenchOptions options, FakeTwilio? twilio, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Jobs:RunServer"] = "true",
            ["Database:SeedDemoData"] = "false",
        };
        if (!options.AppLogging)
        {
            // Problems only: the app's Information lines (one per SMS, four more from HttpClient) are a cost of their own.
            settings["Logging:LogLevel:Default"] = "Warning";
            settings["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error"; // unencrypted key ring: expected here
            settings["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Critical"; // failed commands are counted by the profiler
        }

        var smtp = scenario switch
        {
            Scenario.EmailStore => options.SmtpStore,
            Scenario.EmailSink => options.SmtpSink,
            _ => null,
        };
        if (smtp is not null)
        {
            settings["Smtp:Host"] = smtp.Host;
            settings["Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
            settings["Smtp:Security"] = "None";
            settings["Smtp:From"] = From;
        }
        else
        {
            foreach (var (key, value) in twilio!.Settings())
            {
                settings[key] = value;
            }
        }

        var serverPid = scenario switch
        {
            Scenario.EmailStore => options.SmtpStorePid,
            Scenario.EmailSink => options.SmtpSinkPid,
            _ => null,
        };

        await using var app = new BenchApp(database, settings, options.SqliteBusyTimeout);
        var hostWatch = Stopwatch.StartNew();
        _ = app.Services; // starts the host: migrations, Hangfire servers, the start-up sweep
        hostWatch.Stop();

        var (accounts, mobiles) = await OpenAccountsAsync(app, options.Accounts, sms: scenario == Scenario.Sms, cancellationToken);
        if (twilio is not null && options.TwilioLatency > TimeSpan.Zero)
        {
            foreach (var mobile in mobiles)
            {
                twilio.AnswerFor(mobile, FakeTwilioAnswer.Slow(options.TwilioLatency));
            }
        }

        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken); // let the start-up sweep finish before counting jobs
        var jobsBefore = monitoring.GetStatistics().Succeeded;
        var deliveredBefore = Delivered(scenario, options, twilio);
        if (mode == RunMode.Backlog)
        {
            app.Jobs.Close();
        }

        app.Sql.Reset();
        app.Channel.Reset();
        var cpuBefore = ProcessCpu.Own();
        var serverCpuBefore = ProcessCpu.Read(serverPid);
        var watch = Stopwatch.StartNew();
        var expected = -1; // notifications created, known once queueing is done
        var queueing = QueueAsync(app, accounts, options.Count, options.QueueParallelism, cancellationToken);
        Task<Poll>? polling = null;
        if (mode == RunMode.Live)
        {
            polling = PollAsync(app, monitoring, watch, () => Volatile.Read(ref expected), options.DrainTimeout, cancellationToken);
        }

        var created = await queueing;
        var queueTime = watch.Elapsed;
        var queueCpu = ProcessCpu.Own() - cpuBefore;
        var queueSql = mode == RunMode.Backlog ? app.Sql.Reset() : app.Sql.Snapshot();
        var sentWhenQueued = await CountSentAsync(app, cancellationToken);
        Volatile.Write(ref expected, created);

        if (mode == RunMode.Backlog)
        {
            if (options.PauseBeforeDrain > TimeSpan.Zero)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"drain starts in {options.PauseBeforeDrain.TotalSeconds:0} s (process {Environment.ProcessId})"));
                await Task.Delay(options.PauseBeforeDrain, cancellationToken);
            }

            cpuBefore = ProcessCpu.Own();
            serverCpuBefore = ProcessCpu.Read(serverPid);
            app.Channel.Reset();
            watch.Restart();
            app.Jobs.Open();
            polling = PollAsync(app, monitoring, watch, () => created, options.DrainTimeout, cancellationToken);
        }

        var poll = await polling!;
        var drain = watch.Elapsed;
        var drainCpu = ProcessCpu.Own() - cpuBefore;
        var serverCpu = ProcessCpu.Read(serverPid) - serverCpuBefore;
        var drainSql = app.Sql.Snapshot();
        var channel = app.Channel.Snapshot();

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var statuses = (await db.Notifications.TagWith(SqlProfiler.BenchTag).GroupBy(n => n.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(g => g.Key, g => g.Count);
        var retried = await db.Notifications.TagWith(SqlProfiler.BenchTag).CountAsync(n => n.Attempts > 1, cancellationToken);
        var jobs = monitoring.GetStatistics().Succeeded - jobsBefore;
        var delivered = Delivered(scenario, options, twilio) - deliveredBefore;

        return new DispatchResult(mode, scenario, database, options.Count, created, hostWatch.Elapsed, queueTime, queueCpu, queueSql, sentWhenQueued,
            drain, poll.FirstSent, poll.TimedOut, statuses, retried, jobs, poll.MaxJobsAtOnce, delivered, drainCpu, serverCpu, drainSql, channel);
    }

    /// <summary>Card accounts opened through the Accounts contract: email only for email scenarios, mobile only for SMS.</summary>
    private static async Task<(IReadOnlyList<Guid> Ids, IReadOnlyList<string> Mobiles)> OpenAccountsAsync(
        BillCenterApp app, int count, bool sms, CancellationToken cancellationToken)
    {
        var ids = new List<Guid>(count);
        var mobiles = new List<string>();
        var phone = 2_000_000;
        for (var i = 0; i < count; i++)
        {
            string? mobile = null;
            if (sms)
            {
                // Valid US numbers (Atlanta 404-2xx-xxxx), as Twilio's channel checks them.
                do
                {
                    mobile = $"+1404{(phone++).ToString("D7", CultureInfo.InvariantCulture)}";
                }
                while (!Modules.Notifications.Sms.PhoneNumbers.TryNormalize(mobile, out _));
                mobiles.Add(mobile);
            }

            var number = TestCards.NewCardNumber();
            await using var scope = app.Services.CreateAsyncScope();
            var opened = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(
                new OpenCardAccount(
                    Product.Gold,
                    "Bench Holder",
                    Money.FromDecimal(5_000m),
                    10,
                    new BillingAddress($"{i + 1} Bench Street", null, "Atlanta", "GA", TestCards.Zip("30301")),
                    sms ? null : $"holder.{i.ToString(CultureInfo.InvariantCulture)}@bench.example",
                    mobile,
                    [new NewCard(TestCards.Parse(number), TestCards.ParseCardId(TestCards.NewCardId()), "BENCH HOLDER", CardStatus.Active, true, new DateOnly(2030, 1, 31))],
                    DateTime.UtcNow.AddYears(-1)),
                cancellationToken);
            ids.Add(opened.CardAccountId);
        }

        return (ids, mobiles);
    }

    /// <summary>Queues <paramref name="count"/> alerts, <paramref name="parallelism"/> callers at once, each alert in a scope of its own (as a request would).</summary>
    private static async Task<int> QueueAsync(BillCenterApp app, IReadOnlyList<Guid> accounts, int count, int parallelism, CancellationToken cancellationToken)
    {
        var next = -1;
        var created = 0;
        await Task.WhenAll(Enumerable.Range(0, parallelism).Select(_ => Task.Run(
            async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < count)
                {
                    await using var scope = app.Services.CreateAsyncScope();
                    var ids = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(
                        new QueueAlert(AlertType.StatementReady, "test", accounts[i % accounts.Count], null,
                            new Dictionary<string, string> { ["Marker"] = i.ToString(CultureInfo.InvariantCulture) }),
                        cancellationToken);
                    Interlocked.Add(ref created, ids.Count);
                }
            },
            cancellationToken)));
        return created;
    }

    /// <summary>
    /// Counts finished notifications every 100 ms until all those created are Sent (or can never be: Failed,
    /// Undeliverable). Also notes the most Hangfire jobs seen processing at once.
    /// </summary>
    private static async Task<Poll> PollAsync(
        BillCenterApp app, IMonitoringApi monitoring, Stopwatch watch, Func<int> expected, TimeSpan timeout, CancellationToken cancellationToken)
    {
        TimeSpan? firstSent = null;
        long maxJobs = 0;
        while (true)
        {
            maxJobs = Math.Max(maxJobs, monitoring.ProcessingCount());
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
                var done = await db.Notifications.TagWith(SqlProfiler.BenchTag)
                    .CountAsync(n => n.Status == NotificationStatus.Sent || n.Status == NotificationStatus.Failed || n.Status == NotificationStatus.Undeliverable, cancellationToken);
                if (done > 0 && firstSent is null)
                {
                    firstSent = watch.Elapsed;
                }

                var target = expected();
                if (target >= 0 && done >= target)
                {
                    return new Poll(firstSent, false, maxJobs);
                }
            }

            if (watch.Elapsed > timeout)
            {
                return new Poll(firstSent, true, maxJobs);
            }

            await Task.Delay(PollInterval, cancellationToken); // polling the database is the measurement here
        }
    }

    private static async Task<int> CountSentAsync(BillCenterApp app, CancellationToken cancellationToken)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        return await db.Notifications.TagWith(SqlProfiler.BenchTag).CountAsync(n => n.Status == NotificationStatus.Sent, cancellationToken);
    }

    private sealed record Poll(TimeSpan? FirstSent, bool TimedOut, long MaxJobsAtOnce);

    /// <summary>Messages the server has received so far, where we can see it: Maildir files, fake Twilio requests.</summary>
    private static int? Delivered(Scenario scenario, BenchOptions options, FakeTwilio? twilio) => scenario switch
    {
        Scenario.EmailStore when options.Maildir is { } maildir && Directory.Exists(Path.Combine(maildir, "new")) =>
            Directory.EnumerateFiles(Path.Combine(maildir, "new")).Count(),
        Scenario.Sms => twilio!.Requests.Count,
        _ => null,
    };
}
